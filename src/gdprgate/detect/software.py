"""Software, code identifiers and companies read as people.

Technical text names tools that are also people's names ("Jenkins",
"Kafka", "Cassandra", "Hudson") and code identifiers that look like names
("PersonService", "KeyError"); business news names companies after their
founders ("Ford", "Tesla"). The models read them as people or places.

:func:`without_software` handles findings of one to three words
(``PERSON``, ``ORGANIZATION``, ``LOCATION``):

- **Code identifiers** are dropped: every word is written in CamelCase
  with an inner capital and ends in a code word ("PersonService",
  "AttributeError", "NoneType", "AuthController", "RedisCache KeyError").
  Names with an inner capital ("McDonald", "DiCaprio", "LeBlanc") end in
  no code word.
- **Tools** are dropped when every word is a tool of :data:`TOOLS`, a
  technical word or a command ("Kafka", "Restart Kafka", "Hudson CI",
  "Jenkins-Job") and the text says it is software: a version number
  right after, or a technical word (:data:`TECH_WORDS`: "cluster", "CI",
  "server", "deploy", "use", "utilisons", ...) or another tool. For a
  tool that is also a person's name ("Jenkins", "Cassandra", "Hudson")
  that word must stand right before or after it, little words ("and",
  "with", "et") skipped: "Our Cassandra cluster", "use Jenkins and
  Grafana", not "Cassandra fixed the server". For the others ("Grafana",
  "Keycloak") it may stand anywhere on the line.
- **Companies** of :data:`COMPANIES` become an ``ORGANIZATION`` when the
  line speaks of shares or stock ("Tesla and Ford shares fell").

It fails closed: a title before the word ("Ms Jenkins"), a verb of
saying after it ("Jenkins said"), a given name or a surname with it
("Anna Kafka") keep a person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.speakers import SPEECH_VERBS
from gdprgate.detect.titles import TITLE_WORDS

# Tools, platforms and products that are also names or read as names.
_TOOL_LIST = """
kafka spark jenkins ansible grafana cassandra hudson keycloak heroku
chronos prometheus redis kibana logstash elasticsearch kubernetes docker
terraform nginx apache tomcat jetty zookeeper airflow hadoop hive flink
storm samza mesos marathon consul nomad vault puppet chef salt helm istio
envoy argo tekton sonarqube nexus artifactory maven gradle jira
confluence bitbucket gitlab github sentry splunk nagios zabbix graylog
loki tempo jaeger kong traefik celery sidekiq rails django flask laravel
symfony spring hibernate angular react ember vue svelte jupyter pandas
mongodb postgres postgresql mysql mariadb sqlite oracle neo4j couchdb
rabbitmq activemq pulsar solr lucene travis circleci bamboo teamcity
openshift rancher vagrant packer bamboo heroku netlify vercel
"""
TOOLS = frozenset(_TOOL_LIST.split())

# Words that say a line is about software, and commands before a tool.
_TECH_LIST = """
ci cd ci/cd cluster clusters deploy deployed deploys deployment server
servers pipeline pipelines job jobs broker brokers dashboard dashboards
topic topics node nodes instance instances container containers pod pods
upgrade upgraded restart restarted install installed config configured
configuration plugin plugins build builds monitoring supervision logs
api database db cache queue queues version release stack backend
frontend metrics alerting scheduler consumer producer service services
use uses using used utilisons utilise utilisent utiliser nutzen nutzt
verwenden verwendet einsetzen usamos usar usa usiamo utilizziamo usiamo
gebruiken gebruikt używamy używa använder använd usamos utilizamos
serveur serveurs servidor servidores tableau
"""
TECH_WORDS = frozenset(_TECH_LIST.split())
_COMMAND_LIST = "restart start stop run deploy install upgrade configure reboot"
_COMMANDS = frozenset(_COMMAND_LIST.split())

# Companies named after people, and words that mean shares or stock.
_COMPANY_LIST = """
tesla ford boeing dell siemens bosch porsche ferrari chrysler dodge
peugeot renault citroën mercedes benz daimler philips heineken
carlsberg disney hilton marriott kellogg nestlé nestle adidas puma
"""
COMPANIES = frozenset(_COMPANY_LIST.split())
_STOCK_LIST = """
shares share stock stocks shareholders investors earnings nasdaq nyse dax
aktie aktien aktionäre börse actions bourse acciones bolsa azioni borsa
aandelen beurs aktier börsen akcje giełda ações
"""
STOCK_WORDS = frozenset(_STOCK_LIST.split())

# CamelCase with an inner capital, ending in a code word.
_CODE_SUFFIXES = """
Service Error Exception Controller Renderer Cache Manager Factory Handler
Type Coordinator Provider Repository Adapter Client Server Builder Config
Listener Helper Util Utils Impl Interface Module Component View Model
Store Reducer Router Resolver Validator Serializer Parser Logger Queue
Worker Job Task Event Request Response Warning Iterator Mapper Dao Dto
Entity Bean Proxy Wrapper Loader Writer Reader Stream Buffer Pool Context
Session Test Spec Filter Middleware Plugin Policy Strategy Command Query
Schema Registry Scheduler Executor Dispatcher Processor Generator
Formatter Encoder Decoder Connector Connection Driver Engine Api Dict
List Set Map Array Object Class Id Info Data Base
"""
_CODE = re.compile(
    rf"[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?(?:{'|'.join(_CODE_SUFFIXES.split())})"
)
_INNER_CAPITAL = re.compile(r"[a-z0-9][A-Z]")
_WORD = re.compile(r"[^\W_]+(?:[/.][^\W_]+)*")
_VERSION = re.compile(r"[ \t\u00a0]+v?\d+(?:\.\d+)+")
_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
# Little words skipped between a tool and the word that tells it.
_LITTLE_LIST = """
and or with on the a an our their et ou avec sur le la les des und oder mit
der die das y o con el los e com il lo en of met het de och med i oraz
"""
_LITTLE_WORDS = frozenset(_LITTLE_LIST.split())
# Most words a tool finding may have ("Restart Kafka", "Hudson CI").
_MAX_WORDS = 3


def without_software(
    text: str, findings: Sequence[Finding], names: Set[str]
) -> list[Finding]:
    """``findings`` without code identifiers and tools, companies in stock
    news as organisations (see the module's docstring). ``names`` are the
    known names of people (lower case)."""
    kept = []
    for finding in findings:
        checked = _checked(text, finding, names)
        if checked is not None:
            kept.append(checked)
    return kept


def _checked(text: str, finding: Finding, names: Set[str]) -> Finding | None:
    """``finding``, as an organisation when it is a company in stock news,
    or ``None`` when it is code or a tool."""
    if finding.entity not in _ENTITIES or _person_context(text, finding):
        return finding

    words = _words(text, finding)
    if not words or len(words) > _MAX_WORDS:
        return finding
    if all(_is_identifier(word) for word in words):
        return None
    if _is_tool(text, finding, words, names):
        return None
    if _is_company(text, finding, words):
        return Finding(
            finding.start, finding.end, "ORGANIZATION", finding.score, finding.source
        )
    return finding


def _words(text: str, finding: Finding) -> list[str]:
    """The words of ``finding``, and of the hyphenated word it is part of
    ("Jenkins" and "Job" for "Job" of "Jenkins-Job")."""
    start, end = finding.start, finding.end
    while start > 0 and text[start - 1] == "-":
        word = re.search(r"[^\W_]+\Z", text[max(0, start - 40) : start - 1])
        if word is None:
            break
        start -= 1 + len(word.group())
    while text[end : end + 1] == "-":
        word = re.match(r"[^\W_]+", text[end + 1 : end + 41])
        if word is None:
            break
        end += 1 + len(word.group())
    return _WORD.findall(text[start:end].replace("-", " "))


def _is_identifier(word: str) -> bool:
    """Whether ``word`` is a CamelCase code identifier ("KeyError")."""
    return bool(_INNER_CAPITAL.search(word)) and bool(_CODE.fullmatch(word))


def _is_tool(text: str, finding: Finding, words: list[str], names: Set[str]) -> bool:
    """Whether ``finding`` names tools in text about software."""
    lower = [word.lower() for word in words]
    tools = [word for word in lower if word in TOOLS]
    if not tools:
        return False
    if not all(
        word in TOOLS or word in TECH_WORDS or word in _COMMANDS for word in lower
    ):
        return False
    if _VERSION.match(text, finding.end) or len(tools) < len(lower):
        # "Kafka 3.6", "Hudson CI", "Jenkins-Job", "Restart Kafka".
        return True
    nearby = (
        _neighbours(text, finding)
        if any(word in names for word in tools)
        else _line_words(text, finding)
    )
    return any(word in TECH_WORDS or word in TOOLS for word in nearby)


def _neighbours(text: str, finding: Finding) -> list[str]:
    """The lower-case words right before and after ``finding`` on its line,
    little words skipped."""
    before, after = _line_sides(text, finding)
    before = [word for word in before if word not in _LITTLE_WORDS]
    after = [word for word in after if word not in _LITTLE_WORDS]
    return before[-1:] + after[:1]


def _is_company(text: str, finding: Finding, words: list[str]) -> bool:
    """Whether ``finding`` names a company on a line about its stock."""
    if not all(word.lower() in COMPANIES for word in words):
        return False
    return any(word in STOCK_WORDS for word in _line_words(text, finding))


def _line_words(text: str, finding: Finding) -> list[str]:
    """The lower-case words of the line ``finding`` stands on, without its
    own."""
    before, after = _line_sides(text, finding)
    return before + after


def _line_sides(text: str, finding: Finding) -> tuple[list[str], list[str]]:
    """The lower-case words of ``finding``'s line before and after it,
    hyphenated parts of its word left out."""
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    end = len(text) if end < 0 else end
    before = re.sub(r"[^\W_]+-\Z", "", text[start : finding.start])
    after = re.sub(r"\A-[^\W_]+", "", text[finding.end : end])
    return (
        [word.lower() for word in _WORD.findall(before)],
        [word.lower() for word in _WORD.findall(after)],
    )


def _person_context(text: str, finding: Finding) -> bool:
    """Whether a title stands before ``finding`` or a verb of saying after
    it: a person all the same."""
    before = text[max(0, finding.start - 20) : finding.start].split()
    if before and before[-1].rstrip(".").lower() in TITLE_WORDS:
        return True
    after = text[finding.end : finding.end + 20].split()
    return bool(after) and after[0].strip(".,;:!?").lower() in SPEECH_VERBS
