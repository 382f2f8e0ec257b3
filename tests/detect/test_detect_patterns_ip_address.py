"""IpAddressRecognizer: IP addresses, one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import IpAddressRecognizer
from tests.detect.pattern_cases import MIN_SCORE

# (text, expected [(start, end, entity)]); an empty list is a negative case.
CASES: list[tuple[str, list[tuple[int, int, str]]]] = [
    ("from 192.168.1.10.", [(5, 17, "IP_ADDRESS")]),
    ("hosts 10.0.0.1 and 8.8.8.8", [(6, 14, "IP_ADDRESS"), (19, 26, "IP_ADDRESS")]),
    ("v6 2001:db8::8a2e:370:7334 here", [(3, 26, "IP_ADDRESS")]),
    (
        "link-local fe80::1, mapped ::ffff:192.0.2.128",
        [(11, 18, "IP_ADDRESS"), (27, 45, "IP_ADDRESS")],
    ),
    ("999.1.1.1", []),
    ("256.256.256.256", []),
    ("version v1.2.3.4", []),
    ("release 1.2.3.4.5", []),
    ("build 1.2.3", []),
    ("time 10:30:00", []),
    ("C++ std::vector", []),
    ("empty ::", []),
    # The loopback, a label glued on with a colon, a colon ending the sentence.
    ("IPv6 ::1 is the loopback", [(5, 8, "IP_ADDRESS")]),
    (
        "IPv6:2001:db8::1 und IP:fe80::1",
        [(5, 16, "IP_ADDRESS"), (24, 31, "IP_ADDRESS")],
    ),
    ("écoute sur 2001:db8::8a2e:370:7334:", [(11, 34, "IP_ADDRESS")]),
    ("Python slices a[::1] and b[::2]", []),
    # Dotted quads next to a version or section word, unless a host word too.
    ("upgrade to version 2.14.1.3", []),
    ("siehe Tabelle 10.3.2.1", []),
    ("voir la section 1.2.3.4", []),
    ("server 10.3.2.1, firmware version 2", [(7, 15, "IP_ADDRESS")]),
    # Scopes and the numeric fields of a record or a clock are no addresses.
    ("svc:x:1000:1000::/home/svc:/bin/bash", []),
    ("std::vector<int> v; a::b", []),
    ("10:30:: meeting", []),
    ("impl ab::cd", []),
    ("user connected from 2001:db8::1 and 1000:1000::", [(20, 31, "IP_ADDRESS")]),
    # Short forms with no digit: a group of three or four hex digits, or an
    # address word right before, makes them an address.
    ("client IP fdce:de::ae connected", [(10, 21, "IP_ADDRESS")]),
    ("impl dead::beef", [(5, 15, "IP_ADDRESS")]),
    ("inet6 fd::ae scope global", [(6, 12, "IP_ADDRESS")]),
    ("Client-Adresse: ab::cd", [(16, 22, "IP_ADDRESS")]),
    ("peer=fd::ae", [(5, 11, "IP_ADDRESS")]),
    # Short forms with a digit, or with a hex letter before a final "::".
    ("route 2001:db8::1/64 via", [(6, 17, "IP_ADDRESS")]),
    ("prefix fe80:: here", [(7, 13, "IP_ADDRESS")]),
    ("Präfix 2001:db8:: hier", [(7, 17, "IP_ADDRESS")]),
    ("hôte 2001::1", [(5, 12, "IP_ADDRESS")]),
    ("fe80::1ff:fe23:4567:890a", [(0, 24, "IP_ADDRESS")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ip_address_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """Valid IPv4/IPv6 addresses are found; versions and junk are not."""
    found = [
        (f.start, f.end, f.entity)
        for f in IpAddressRecognizer().analyze(text)
        if f.score >= MIN_SCORE
    ]

    assert found == expected
