"""Software, code identifiers and companies read as people.

Technical text names tools that are also people's names ("Jenkins",
"Kafka", "Cassandra", "Hudson") and code identifiers that look like names
("PersonService", "KeyError"); business news names companies after their
founders ("Ford", "Tesla"). The models read them as people or places.

:func:`without_software` handles findings of one to three words
(``PERSON``, ``ORGANIZATION``, ``LOCATION``):

- **Code identifiers** are dropped: every word is written in CamelCase
  with an inner capital and ends in a code word, and has two inner
  capitals ("RedisCacheManager"), is called or dotted ("PersonService()")
  or stands with another identifier or a code word ("PersonService throws
  AttributeError"). A name prefix ("McBean", "DeBase", "VanDyke") or a
  known name is no code.
- **Tools** are dropped when every word is a tool of :data:`TOOLS`, a
  technical word, a command or a version. A tool that is also a person's
  name (:data:`NAME_TOOLS`, the lexicon's names) needs strong evidence
  beside it: a version or a technical head noun right after it ("Kafka
  3.6", "Jenkins job", "Jenkins-Job", "Hudson CI"), an operations verb
  right before it ("restart Kafka"), a path or code mark around it, or a
  list of tools of which one is no name ("Kafka, Spark and Grafana").
  Other tools ("Grafana", "Keycloak") need a technical word or another
  tool on their line.
- **Companies** of :data:`COMPANIES` become an ``ORGANIZATION`` when the
  line speaks of shares or stock ("Tesla and Ford shares fell").

It fails closed: a word in a person's position
(:func:`~gdprgate.detect.tool_people.person_position`: "Ms Jenkins",
"Jenkins said", "thanks Travis", "Jenkins: done") stays a person, and so
does every mention of a tool word the text uses so once, or in a full
name ("Travis Okafor").
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.tool_people import person_position

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

# Tools that are also people's names, beside those the lexicon knows.
_NAME_TOOL_LIST = """
kafka spark kong packer chef salt nomad sentry marathon chronos oracle loki
tempo nexus envoy argo consul vault puppet jaeger maven pulsar bamboo
rancher hive jenkins cassandra hudson travis helm storm ember flink spring
"""
NAME_TOOLS = frozenset(_NAME_TOOL_LIST.split())
# Tools the lexicon has as names that no one bears as a name.
_NO_NAMES = frozenset({"heroku", "rails"})
# Technical head nouns right after a tool ("Jenkins job", "Kafka broker").
_HEAD_LIST = """
ci cd job jobs pipeline pipelines server servers plugin plugins broker
brokers topic topics cluster clusters consumer consumers producer producers
node nodes keyspace keyspaces executor executors instance instances
container containers pod pods dashboard dashboards chart charts agent
agents worker workers queue queues stream streams connector connectors
controller api client clients database db schema index logs metrics ui
console config configuration build builds deployment deployments
serveur serveurs servidor servidores
"""
HEAD_NOUNS = frozenset(_HEAD_LIST.split())
# Operations verbs right before a tool ("restart Kafka", "installiere Helm").
_OPERATION_LIST = """
restart restarted restarting start started stop stopped run running reboot
rebooted deploy deployed deploying install installed installing upgrade
upgraded upgrading configure configured configuring update updated
migrate migrated provision provisioned
starte installiere installieren aktualisiere konfiguriere
redémarrer redémarrez installer installez déployer configurer
reiniciar instalar desplegar configurar riavviare installare
herstarten installeer installeren
"""
_OPERATIONS = frozenset(_OPERATION_LIST.split())
# A list of capitalised words joined by commas and "and" ("Kafka, Spark
# and Grafana").
_CAPITALISED = re.compile(r"[A-Z][\w]*")
_LIST = re.compile(
    r"[A-Z]\w*(?:(?:,[ \t]*|[ \t]+(?:and|or|et|ou|und|oder|y|e|i|en|och|"
    r"oraz|&)[ \t]+|,[ \t]*(?:and|et|und|y|e|i|en|och)[ \t]+)[A-Z]\w*)+"
)

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
# Names that bear an inner capital: no code ("McBean", "DeBase", "VanDyke").
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|Fitz|O['’]|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]")
# Words on a line that say an identifier is code.
_CODE_WORD_LIST = """
throws throw thrown raises raised raise exception exceptions error errors
traceback stack trace class classes method methods function functions null
import imports returns returned interface object instance bean beans
java python javascript typescript kotlin code compile compiled compiler
bug crash crashed stacktrace nullpointerexception
"""
_CODE_WORDS = frozenset(_CODE_WORD_LIST.split())
_INNER_CAPITAL = re.compile(r"[a-z0-9][A-Z]")
_WORD = re.compile(r"[^\W_]+(?:[/.][^\W_]+)*")
_VERSION_WORD = re.compile(r"v?\d+(?:\.\d+)+")
_VERSION = re.compile(r"[ \t\u00a0]+v?\d+(?:\.\d+)+")
_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
# Most words a tool finding may have ("Restart Kafka", "Hudson CI").
_MAX_WORDS = 3


def without_software(
    text: str, findings: Sequence[Finding], names: Set[str]
) -> list[Finding]:
    """``findings`` without code identifiers and tools, companies in stock
    news as organisations (see the module's docstring). ``names`` are the
    known names of people (lower case)."""
    people = _people_words(text, findings)
    kept = []
    for finding in findings:
        checked = _checked(text, finding, names, people)
        if checked is not None:
            kept.append(checked)
    return kept


def _people_words(text: str, findings: Sequence[Finding]) -> set[str]:
    """The tool words (lower case) the text uses as a person's name
    somewhere: in a person's position or with a name that is no tool
    ("Travis Okafor"). Every mention of them stays masked."""
    people = set()
    for finding in findings:
        if finding.entity not in _ENTITIES:
            continue
        words = [
            word.lower() for word in _WORD.findall(text[finding.start : finding.end])
        ]
        tools = {word for word in words if word in TOOLS}
        if not tools:
            continue
        other = [
            word
            for word in words
            if word.isalpha()
            and word not in TOOLS
            and word not in TECH_WORDS
            and word not in _COMMANDS
        ]
        if other or person_position(text, finding.start, finding.end):
            people |= tools
    return people


def _checked(
    text: str, finding: Finding, names: Set[str], people: Set[str]
) -> Finding | None:
    """``finding``, as an organisation when it is a company in stock news,
    or ``None`` when it is code or a tool."""
    if finding.entity not in _ENTITIES:
        return finding
    span, words = _words(text, finding)
    if not words or len(words) > _MAX_WORDS:
        return finding
    if all(_is_identifier(word, text, names) for word in words):
        return None

    if person_position(text, finding.start, finding.end):
        return finding
    if any(word.lower() in people for word in words):
        return finding
    if _is_tool(text, span, words, names):
        return None
    if _is_company(text, finding, words):
        return Finding(
            finding.start, finding.end, "ORGANIZATION", finding.score, finding.source
        )
    return finding


def _words(text: str, finding: Finding) -> tuple[tuple[int, int], list[str]]:
    """The span and words of ``finding``, with the hyphenated word it is
    part of ("Jenkins" and "Job" for "Job" of "Jenkins-Job")."""
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
    return (start, end), _WORD.findall(text[start:end].replace("-", " "))


def _is_identifier(word: str, text: str, names: Set[str]) -> bool:
    """Whether ``word`` is a CamelCase code identifier ("KeyError"): a code
    shape, no name prefix ("McBean", "DeBase") and no known name, with two
    inner capitals or in code ("PersonService throws AttributeError")."""
    if not (_INNER_CAPITAL.search(word) and _CODE.fullmatch(word)):
        return False
    if _NAME_PREFIX.match(word) or word.lower() in names:
        return False
    if len(_INNER_CAPITAL.findall(word)) >= 2:
        return True
    return _code_context(word, text)


def _code_context(word: str, text: str) -> bool:
    """Whether ``word`` is used as code: dotted or called ("x.KeyError",
    "PersonService()"), another identifier in the text or a code word on
    its line."""
    for match in re.finditer(rf"(?<![\w.]){re.escape(word)}(?!\w)", text):
        if text[match.end() : match.end() + 1] == "(" or re.match(
            r"\.\w", text[match.end() : match.end() + 2]
        ):
            return True
    others = {
        other
        for other in re.findall(r"\b[A-Z]\w*", text)
        if other != word
        and _INNER_CAPITAL.search(other)
        and _CODE.fullmatch(other)
        and not _NAME_PREFIX.match(other)
    }
    if others:
        return True
    lines = [line for line in text.splitlines() if word in line]
    return any(
        token in _CODE_WORDS
        for line in lines
        for token in re.findall(r"[^\W\d_]+", line.lower())
    )


def _is_tool(
    text: str, span: tuple[int, int], words: list[str], names: Set[str]
) -> bool:
    """Whether the words of ``span`` name tools in text about software."""
    # A version in the span is one after the tool ("Redis 7.2.4").
    lower = [word.lower() for word in words if not _VERSION_WORD.fullmatch(word)]
    versioned = len(lower) < len(words)
    tools = [word for word in lower if word in TOOLS]
    if not tools:
        return False
    if not all(
        word in TOOLS or word in TECH_WORDS or word in _COMMANDS for word in lower
    ):
        return False
    if any(_is_name(word, names) for word in tools):
        # A person's name: only strong evidence beside each tool word.
        return all(
            _tool_evidence(text, match)
            for match in _WORD.finditer(text, span[0], span[1])
            if match.group().lower() in TOOLS
        ) or _in_tool_list(text, span, names)
    if versioned or _VERSION.match(text, span[1]) or len(tools) < len(lower):
        # "Grafana 10.2", "Keycloak server".
        return True
    nearby = _line_words(text, span)
    return any(word in TECH_WORDS or word in TOOLS for word in nearby)


def _is_name(word: str, names: Set[str]) -> bool:
    """Whether tool ``word`` (lower case) is also a person's name."""
    return (word in names and word not in _NO_NAMES) or word in NAME_TOOLS


def _tool_evidence(text: str, match: re.Match[str]) -> bool:
    """Whether the tool word ``match`` has strong evidence beside it: a
    version or a technical head noun right after it ("Kafka 3.6", "Jenkins
    job", "Jenkins-Job"), an operations verb right before it ("restart
    Kafka") or code around it ("/opt/kafka", "`jenkins`")."""
    if _VERSION.match(text, match.end()):
        return True
    after = re.match(r"(?:[ \t\u00a0]+|-)([^\W\d_]+)", text[match.end() :])
    if after is not None and after.group(1).lower() in HEAD_NOUNS:
        return True
    before = re.search(r"([^\W\d_]+)[ \t\u00a0]+\Z", text[: match.start()])
    if before is not None and before.group(1).lower() in _OPERATIONS:
        return True
    around = (
        text[match.start() - 1 : match.start()] + text[match.end() : match.end() + 1]
    )
    return any(char in "/\\`=_" for char in around)


def _in_tool_list(text: str, span: tuple[int, int], names: Set[str]) -> bool:
    """Whether ``span`` stands in a list of tools of which one or more is no
    person's name ("Kafka, Spark, Jenkins, Ansible and Grafana")."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line = text[line_start : len(text) if line_end < 0 else line_end]
    for found in _LIST.finditer(line):
        if not line_start + found.start() <= span[0] < line_start + found.end():
            continue
        members = [word.lower() for word in _CAPITALISED.findall(found.group())]
        return (
            len(members) >= 2
            and all(member in TOOLS for member in members)
            and any(not _is_name(member, names) for member in members)
        )
    return False


def _is_company(text: str, finding: Finding, words: list[str]) -> bool:
    """Whether ``finding`` names a company on a line about its stock."""
    if not all(word.lower() in COMPANIES for word in words):
        return False
    span = (finding.start, finding.end)
    return any(word in STOCK_WORDS for word in _line_words(text, span))


def _line_words(text: str, span: tuple[int, int]) -> list[str]:
    """The lower-case words of the line ``span`` stands on, without its
    own."""
    before, after = _line_sides(text, span)
    return before + after


def _line_sides(text: str, span: tuple[int, int]) -> tuple[list[str], list[str]]:
    """The lower-case words of ``span``'s line before and after it,
    hyphenated parts of its word left out."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    end = len(text) if end < 0 else end
    before = re.sub(r"[^\W_]+-\Z", "", text[start : span[0]])
    after = re.sub(r"\A-[^\W_]+", "", text[span[1] : end])
    return (
        [word.lower() for word in _WORD.findall(before)],
        [word.lower() for word in _WORD.findall(after)],
    )
