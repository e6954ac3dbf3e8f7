#!/usr/bin/env python3
"""Build a large benchmark capture (classic pcap, Ethernet, little-endian, microseconds) by
replaying the real shared captures many times with rewritten addresses.

Every replay copy gets its own MAC and IP addresses, so the output holds thousands of distinct
devices while keeping the real protocol payloads. Python 3.11 standard library only.

    bench/make-capture.py                          # ~1,000,000 frames -> bench/out/mixed-1m.pcap
    bench/make-capture.py --packets 200000 --out /tmp/small.pcap
    bench/make-capture.py --size-gb 1              # ~1 GB (10^9 bytes) -> bench/out/mixed-1gb.pcap

See bench/README.md for what is rewritten and what is deliberately left alone.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import os
import struct
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_EPOCH = 1768435200  # 2026-01-15T00:00:00Z: first output timestamp
MAX_GAP_US_DEFAULT = 1_000_000  # inter-frame gaps of a source are clamped to [0, 1 s]
SYNTH_OUI = b"\x02\x66\x70"  # locally administered OUI for MACs synthesised for NULL/raw-IP frames
FLUSH_BYTES = 8 << 20
PORT_STRIDE = 7919  # replay n rotates client ports by n * PORT_STRIDE within EPHEMERAL

# Client ports: the IANA dynamic range (49152-65535) without the ports Wireshark 4.0 dissects by
# default (`tshark -G decodes`), so a rotated port never turns into a service port. Ports below
# 49152 are left alone.
WIRESHARK_DYNAMIC_PORTS = {
    49999, 54328, 56000, 56001, 56500, 56501, 57000, 57001, 57032, 57033, 57500, 57501, 57532,
    57533, 59000, 59001, 59032, 59033, 59500, 59501, 59532, 59533, 60001,
}
EPHEMERAL = [p for p in range(49152, 65536) if p not in WIRESHARK_DYNAMIC_PORTS]
EPHEMERAL_INDEX = {p: i for i, p in enumerate(EPHEMERAL)}

# ICS mix: share of output frames per source category (renormalised over the categories present).
# DCP and LLDP captures are tiny and full of distinct responders: small shares keep the device
# count in the thousands-to-tens-of-thousands rather than letting them dominate it.
DEFAULT_MIX = {
    "modbus": 0.27,
    "enip": 0.23,
    "opcua": 0.19,
    "s7": 0.16,
    "profinet-cm": 0.12,
    "profinet-dcp": 0.015,
    "lldp": 0.005,
    "other": 0.01,
}

# ---------------------------------------------------------------------------------------------
# Reading pcap and pcapng


@dataclass
class RawFrame:
    ts_ns: int
    linktype: int
    data: bytes
    orig_len: int


class CaptureError(Exception):
    pass


def read_capture(path: Path) -> list[RawFrame]:
    data = path.read_bytes()
    if len(data) < 24:
        raise CaptureError("too short for a capture header")
    magic = data[:4]
    if magic == b"\x0a\x0d\x0d\x0a":
        return read_pcapng(data)
    for endian in ("<", ">"):
        (m,) = struct.unpack(endian + "I", magic)
        if m in (0xA1B2C3D4, 0xA1B23C4D):
            return read_pcap(data, endian, nanos=(m == 0xA1B23C4D))
    raise CaptureError(f"unknown magic {magic.hex()}")


def read_pcap(data: bytes, e: str, nanos: bool) -> list[RawFrame]:
    linktype = struct.unpack_from(e + "I", data, 20)[0] & 0xFFFF
    frames, off, scale = [], 24, 1 if nanos else 1000
    while off + 16 <= len(data):
        sec, frac, caplen, origlen = struct.unpack_from(e + "IIII", data, off)
        off += 16
        if caplen > len(data) - off:
            break  # truncated last record
        frames.append(RawFrame(sec * 1_000_000_000 + frac * scale, linktype,
                               data[off:off + caplen], max(origlen, caplen)))
        off += caplen
    return frames


def read_pcapng(data: bytes) -> list[RawFrame]:
    frames: list[RawFrame] = []
    ifaces: list[tuple[int, int, int]] = []  # (linktype, snaplen, units per second)
    e, off, last_ts = "<", 0, 0
    while off + 12 <= len(data):
        if data[off:off + 4] == b"\x0a\x0d\x0d\x0a":
            bom = data[off + 8:off + 12]
            e = "<" if bom == b"\x4d\x3c\x2b\x1a" else ">"
            ifaces = []
        btype, blen = struct.unpack_from(e + "II", data, off)
        if blen < 12 or blen % 4 or off + blen > len(data):
            break
        body = data[off + 8:off + blen - 4]
        if btype == 1 and len(body) >= 8:
            lt, _res, snap = struct.unpack_from(e + "HHI", body, 0)
            ifaces.append((lt, snap, idb_units(body[8:], e)))
        elif btype in (6, 2) and len(body) >= 20:
            if btype == 6:
                iface, hi, lo, cap, orig = struct.unpack_from(e + "IIIII", body, 0)
            else:  # obsolete Packet Block
                iface, _drops, hi, lo, cap, orig = struct.unpack_from(e + "HHIIII", body, 0)
            if iface < len(ifaces) and cap <= len(body) - 20:
                lt, _snap, units = ifaces[iface]
                last_ts = ((hi << 32) | lo) * 1_000_000_000 // units
                frames.append(RawFrame(last_ts, lt, body[20:20 + cap], max(orig, cap)))
        elif btype == 3 and len(body) >= 4 and ifaces:
            (orig,) = struct.unpack_from(e + "I", body, 0)
            lt, snap, _units = ifaces[0]
            cap = min(orig, snap or orig, len(body) - 4)
            frames.append(RawFrame(last_ts, lt, body[4:4 + cap], orig))  # SPB: no timestamp
        off += blen
    return frames


def idb_units(opts: bytes, e: str) -> int:
    off = 0
    while off + 4 <= len(opts):
        code, olen = struct.unpack_from(e + "HH", opts, off)
        if code == 0:
            break
        if code == 9 and olen >= 1:
            r = opts[off + 4]
            return 2 ** (r & 0x7F) if r & 0x80 else 10 ** r
        off += 4 + olen + (-olen % 4)
    return 1_000_000


# ---------------------------------------------------------------------------------------------
# Converting link types to Ethernet


def ip_endpoint_keys(ip: bytes):
    """(version, src key, dst key) of an IP packet; loopback talking to itself is split by port
    into a 'srv' (lower port) and a 'cli' endpoint so client and server become two devices."""
    if not ip:
        return None
    ver = ip[0] >> 4
    if ver == 4 and len(ip) >= 20:
        src, dst, hl, proto = ip[12:16], ip[16:20], (ip[0] & 0xF) * 4, ip[9]
        ports = ip[hl:hl + 4] if proto in (6, 17) and not (
            struct.unpack_from(">H", ip, 6)[0] & 0x1FFF) else b""
        loop = src == dst and src[0] == 127
    elif ver == 6 and len(ip) >= 40:
        src, dst = ip[8:24], ip[24:40]
        hl, proto = ipv6_l4(ip)
        ports = ip[hl:hl + 4] if proto in (6, 17) else b""
        loop = src == dst and src == b"\0" * 15 + b"\1"
    else:
        return None
    rs = rd = None
    if loop and len(ports) == 4:
        sp, dp = struct.unpack(">HH", ports)
        rs, rd = ("srv", "cli") if sp < dp else ("cli", "srv") if dp < sp else ("srv", "srv")
    return ver, (src, rs), (dst, rd)


def synth_mac(key) -> bytes:
    addr, role = key
    seed = b"lo:" + role.encode() if role else b"ip:" + addr
    return SYNTH_OUI + hashlib.sha1(seed).digest()[:3]


def ethernet_for_ip(ip: bytes, src_mac: bytes | None = None) -> bytes | None:
    keys = ip_endpoint_keys(ip)
    if keys is None:
        return None
    ver, sk, dk = keys
    etype = b"\x08\x00" if ver == 4 else b"\x86\xdd"
    return synth_mac(dk) + (src_mac or synth_mac(sk)) + etype + ip


def to_ethernet(f: RawFrame) -> tuple[bytes, int] | None:
    """(Ethernet frame, length delta to apply to orig_len) or None for unsupported link types."""
    d, lt = f.data, f.linktype
    if lt == 1:
        return d, 0
    if lt in (0, 108) and len(d) > 4:  # BSD NULL / OpenBSD LOOP: 4-byte family, then IP
        eth = ethernet_for_ip(d[4:])
        return (eth, 10) if eth else None
    if lt in (101, 12, 14, 228, 229):  # raw IP
        eth = ethernet_for_ip(d)
        return (eth, 14) if eth else None
    if lt == 113 and len(d) > 16:  # Linux cooked v1: the address is the sender's
        halen = struct.unpack_from(">H", d, 4)[0]
        src = d[6:12] if halen == 6 else None
        proto = d[14:16]
        if proto in (b"\x08\x00", b"\x86\xdd"):
            eth = ethernet_for_ip(d[16:], src)
            return (eth, -2) if eth else None
        return (b"\xff" * 6 + (src or SYNTH_OUI + b"\0\0\1") + proto + d[16:], -2)
    if lt == 276 and len(d) > 20:  # Linux cooked v2
        proto, halen, src = d[0:2], d[11], d[12:18]
        if proto in (b"\x08\x00", b"\x86\xdd"):
            eth = ethernet_for_ip(d[20:], src if halen == 6 else None)
            return (eth, -6) if eth else None
    return None


# ---------------------------------------------------------------------------------------------
# Templates: a frame plus where its addresses and checksums are


def wsum(b: bytes, odd: int) -> int:
    """One's-complement sum of b as big-endian 16-bit words starting at an odd/even offset."""
    if odd:
        b = b"\0" + b
    if len(b) & 1:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s


@dataclass
class Template:
    data: bytes
    orig_len: int
    rel_us: int
    label: str
    patches: list = field(default_factory=list)  # (offset, kind, key, (~sum even, ~sum odd))
    csums: list = field(default_factory=list)  # (csum offset, is_udp, [(patch idx, parity)])


class TemplateBuilder:
    def __init__(self, data: bytes):
        self.d = data
        self.t_patches: list = []
        self.t_csums: list = []

    def patch(self, off: int, kind: str, key) -> int | None:
        n = {"mac": 6, "ip4": 4, "ip6": 16, "port": 2}[kind]
        if off + n > len(self.d):
            return None
        old = self.d[off:off + n]
        comp = (~wsum(old, 0) & 0xFFFF, ~wsum(old, 1) & 0xFFFF)
        self.t_patches.append((off, kind, key, comp))
        return len(self.t_patches) - 1

    def csum(self, off: int, udp: bool, deps) -> None:
        deps = [(i, p) for i, p in deps if i is not None]
        if off + 2 <= len(self.d) and deps:
            self.t_csums.append((off, udp, deps))


PORT_LABELS = {
    ("tcp", 502): "modbus/tcp502", ("tcp", 44818): "enip/tcp44818",
    ("udp", 44818): "enip/udp44818", ("udp", 2222): "cip-io/udp2222",
    ("tcp", 102): "s7comm/tcp102", ("tcp", 4840): "opcua/tcp4840",
    ("udp", 34964): "pn-cm/udp34964", ("udp", 53): "dns/udp53", ("udp", 5353): "mdns/udp5353",
    ("udp", 161): "snmp/udp161", ("udp", 162): "snmp/udp162", ("tcp", 23): "telnet/tcp23",
}


def build_template(eth: bytes, orig_len: int, rel_us: int) -> Template:
    b = TemplateBuilder(eth)
    label = "truncated"
    if len(eth) >= 14:
        for off in (0, 6):
            b.patch(off, "mac", eth[off:off + 6])
        off, etype = 12, struct.unpack_from(">H", eth, 12)[0]
        while etype in (0x8100, 0x88A8, 0x9100) and off + 6 <= len(eth):
            off += 4
            etype = struct.unpack_from(">H", eth, off)[0]
        label = layer3(b, eth, off + 2, etype)
    return Template(eth, orig_len, rel_us, label, b.t_patches, b.t_csums)


def layer3(b: TemplateBuilder, d: bytes, p: int, etype: int) -> str:
    if etype == 0x0800:
        return ipv4(b, d, p)
    if etype == 0x86DD:
        return ipv6(b, d, p)
    if etype == 0x0806:
        if d[p:p + 6] == b"\x00\x01\x08\x00\x06\x04":
            for off in (8, 18):  # sender and target hardware address
                b.patch(p + off, "mac", d[p + off:p + off + 6])
            for off in (14, 24):  # sender and target protocol address
                b.patch(p + off, "ip4", (d[p + off:p + off + 4], None))
        return "arp"
    if etype == 0x88CC:
        lldp(b, d, p)
        return "lldp"
    if etype == 0x8892:
        fid = struct.unpack_from(">H", d, p)[0] if p + 2 <= len(d) else 0
        if 0xFEFC <= fid <= 0xFEFF:
            dcp(b, d, p)
            return "pn-dcp"
        return "pn-rt"
    if etype < 0x0600:
        return "llc/stp" if d[p:p + 2] == b"\x42\x42" else "llc"
    return "ethertype-0x%04x" % etype


def ipv4(b: TemplateBuilder, d: bytes, p: int) -> str:
    if p + 20 > len(d) or d[p] >> 4 != 4:
        return "ipv4-malformed"
    _, sk, dk = ip_endpoint_keys(d[p:])
    hl, proto = (d[p] & 0xF) * 4, d[p + 9]
    s, t = b.patch(p + 12, "ip4", sk), b.patch(p + 16, "ip4", dk)
    b.csum(p + 10, False, [(s, 0), (t, 0)])
    if struct.unpack_from(">H", d, p + 6)[0] & 0x1FFF:
        return "ipv4-fragment"
    return layer4(b, d, p + hl, proto, [(s, 0), (t, 0)], "ipv4")


def ipv6_l4(ip: bytes) -> tuple[int, int]:
    """(offset of the upper-layer header within ip, its protocol) after extension headers."""
    nh, off = ip[6], 40
    while nh in (0, 43, 60, 44) and off + 8 <= len(ip):
        if nh == 44:
            if struct.unpack_from(">H", ip, off + 2)[0] & 0xFFF8:
                return off, -1  # non-first fragment
            nh, off = ip[off], off + 8
        else:
            nh, off = ip[off], off + (ip[off + 1] + 1) * 8
    return off, nh


def ipv6(b: TemplateBuilder, d: bytes, p: int) -> str:
    if p + 40 > len(d) or d[p] >> 4 != 6:
        return "ipv6-malformed"
    _, sk, dk = ip_endpoint_keys(d[p:])
    s, t = b.patch(p + 8, "ip6", sk), b.patch(p + 24, "ip6", dk)
    hl, proto = ipv6_l4(d[p:])
    return layer4(b, d, p + hl, proto, [(s, 0), (t, 0)], "ipv6")


def layer4(b: TemplateBuilder, d: bytes, l4: int, proto: int, pseudo, fam: str) -> str:
    if proto == 6 and l4 + 20 <= len(d):
        sp, dp = struct.unpack_from(">HH", d, l4)
        b.csum(l4 + 16, False, pseudo + client_ports(b, l4, sp, dp))
        return port_label("tcp", sp, dp)
    if proto == 17 and l4 + 8 <= len(d):
        sp, dp = struct.unpack_from(">HH", d, l4)
        deps = pseudo + client_ports(b, l4, sp, dp)
        if 44818 in (sp, dp):
            deps += enip_list_identity(b, d, l4, l4 + 8)
        b.csum(l4 + 6, True, deps)
        return port_label("udp", sp, dp)
    if proto == 58:
        b.csum(l4 + 2, False, pseudo)
        return "icmpv6"
    return {1: "icmp", 6: "tcp-truncated", 17: "udp-truncated"}.get(proto, f"{fam}-proto-{proto}")


def client_ports(b: TemplateBuilder, l4: int, sp: int, dp: int):
    return [(b.patch(l4 + off, "port", p), 0) for off, p in ((0, sp), (2, dp)) if p in EPHEMERAL_INDEX]


def port_label(l4: str, sp: int, dp: int) -> str:
    for port in sorted((sp, dp)):
        if (l4, port) in PORT_LABELS:
            return PORT_LABELS[(l4, port)]
    return f"{l4}-other"


def enip_list_identity(b: TemplateBuilder, d: bytes, l4: int, p: int):
    """ListIdentity reply: the CIP Identity item's sockaddr holds the device's IPv4 address."""
    if p + 40 <= len(d) and d[p:p + 2] == b"\x63\x00" and d[p + 26:p + 28] == b"\x0c\x00":
        i = b.patch(p + 36, "ip4", (d[p + 36:p + 40], None))
        return [(i, (p + 36 - l4) & 1)]
    return []


def lldp(b: TemplateBuilder, d: bytes, p: int) -> None:
    while p + 2 <= len(d):
        h = struct.unpack_from(">H", d, p)[0]
        t, n, v = h >> 9, h & 0x1FF, p + 2
        if t == 0 or v + n > len(d):
            return
        if t in (1, 2) and n >= 2:
            sub = d[v]
            if (t, sub) in ((1, 4), (2, 3)) and n == 7:
                b.patch(v + 1, "mac", d[v + 1:v + 7])
            elif (t, sub) in ((1, 5), (2, 4)) and n == 6 and d[v + 1] == 1:
                b.patch(v + 2, "ip4", (d[v + 2:v + 6], None))
        elif t == 8 and n >= 2:
            alen, sub = d[v], d[v + 1]
            if sub == 1 and alen == 5:
                b.patch(v + 2, "ip4", (d[v + 2:v + 6], None))
            elif sub == 2 and alen == 17:
                b.patch(v + 2, "ip6", (d[v + 2:v + 18], None))
            elif sub == 6 and alen == 7:
                b.patch(v + 2, "mac", d[v + 2:v + 8])
        p = v + n


def dcp(b: TemplateBuilder, d: bytes, p: int) -> None:
    if p + 12 > len(d):
        return
    sid, stype = d[p + 2], d[p + 3]
    if sid == 3 and stype == 0:  # Get request: a bare option list
        return
    dlen = struct.unpack_from(">H", d, p + 10)[0]
    q, end = p + 12, min(p + 12 + dlen, len(d))
    while q + 4 <= end:
        opt, sub, blen = d[q], d[q + 1], struct.unpack_from(">H", d, q + 2)[0]
        v = q + 4
        if v + blen > end:
            return
        if opt == 1 and sub in (2, 3) and blen in (12, 14, 28, 30):
            ip = v + (blen & 2)  # 2-byte BlockInfo/BlockQualifier when present
            b.patch(ip, "ip4", (d[ip:ip + 4], None))
            b.patch(ip + 8, "ip4", (d[ip + 8:ip + 12], None))  # standard gateway
        elif opt == 1 and sub == 1 and blen in (6, 8):
            b.patch(v + blen - 6, "mac", d[v + blen - 6:v + blen])
        q = v + blen + (blen & 1)


# ---------------------------------------------------------------------------------------------
# Address allocation: distinct, deterministic for a given seed


def perm24(n: int, a: int, c: int) -> int:
    """A bijection of 0..2^24-1 (a is odd)."""
    return ((n * a) + c) & 0xFFFFFF


class Allocator:
    def __init__(self, seed: int):
        h = hashlib.sha256(f"fieldprint-bench:{seed}".encode()).digest()
        self.a = int.from_bytes(h[0:3], "big") | 1
        self.c = int.from_bytes(h[3:6], "big")
        self.ula = b"\xfd" + h[6:11] + b"\x00\x01"  # fdXX:XXXX:XXXX:0001::/64
        self.mac_next: Counter = Counter()
        self.macs_by_category: Counter = Counter()
        self.ip4_next = 0
        self.ip6_next = 0

    def new(self, kind: str, key) -> bytes:
        if kind == "mac":
            if key[0] & 1 or key == b"\0" * 6:
                return key  # group (broadcast/multicast) and zero MACs stay
            oui = key[:3]
            n = self.mac_next[oui]
            self.mac_next[oui] += 1
            return oui + perm24(n, self.a, self.c).to_bytes(3, "big")
        addr = key[0]
        if kind == "ip4":
            if addr in (b"\0\0\0\0", b"\xff\xff\xff\xff") or addr[0] >= 224:
                return addr
            if addr[3] == 255:
                return b"\x0a\xff\xff\xff"  # a subnet broadcast stays a broadcast
            while True:
                host = perm24(self.ip4_next, self.a, self.c)
                self.ip4_next += 1
                if host & 0xFF not in (0, 255) and host != 0xFFFFFF:
                    return b"\x0a" + host.to_bytes(3, "big")
        if addr[0] == 0xFF or addr == b"\0" * 16:
            return addr  # multicast, unspecified
        n = self.ip6_next
        self.ip6_next += 1
        iid = ((n >> 24) << 24 | perm24(n & 0xFFFFFF, self.a, self.c)).to_bytes(8, "big")
        return (b"\xfe\x80" + b"\0" * 6 if addr[:2] == b"\xfe\x80" else self.ula) + iid

    def distinct(self) -> dict:
        return {"macs": sum(self.mac_next.values()), "ipv4": self.ip4_next, "ipv6": self.ip6_next}


class ReplayMap:
    """Addresses of one replay copy: each original maps to one new address for the whole copy."""

    def __init__(self, alloc: Allocator, category: str):
        self.alloc = alloc
        self.category = category
        self.m: dict = {}

    def get(self, kind: str, key):
        e = self.m.get((kind, key))
        if e is None:
            new = self.alloc.new(kind, key)
            if kind == "mac" and new != key:
                self.alloc.macs_by_category[self.category] += 1
            e = (new, wsum(new, 0), wsum(new, 1))
            self.m[(kind, key)] = e
        return e


class Replay:
    """One replay: the addresses of its copy, and client ports rotated by the replay's number, so
    replays that share a copy's addresses still open new connections (new 5-tuples)."""

    def __init__(self, copy: ReplayMap, number: int):
        self.copy = copy
        self.rot = number * PORT_STRIDE % len(EPHEMERAL)
        self.ports: dict = {}

    def get(self, kind: str, key):
        if kind != "port":
            return self.copy.get(kind, key)
        e = self.ports.get(key)
        if e is None:
            new = EPHEMERAL[(EPHEMERAL_INDEX[key] + self.rot) % len(EPHEMERAL)].to_bytes(2, "big")
            e = (new, wsum(new, 0), wsum(new, 1))
            self.ports[key] = e
        return e


def render(t: Template, amap: Replay) -> bytes:
    if not t.patches:
        return t.data
    buf = bytearray(t.data)
    news = []
    for off, kind, key, _comp in t.patches:
        e = amap.get(kind, key)
        buf[off:off + len(e[0])] = e[0]
        news.append(e)
    for off, udp, deps in t.csums:
        cs = buf[off] << 8 | buf[off + 1]
        if udp and cs == 0:
            continue  # UDP without checksum
        acc = ~cs & 0xFFFF
        for i, parity in deps:  # RFC 1624: HC' = ~(~HC + ~m + m')
            acc += t.patches[i][3][parity] + news[i][1 + parity]
        while acc >> 16:
            acc = (acc & 0xFFFF) + (acc >> 16)
        cs = ~acc & 0xFFFF
        if udp and cs == 0:
            cs = 0xFFFF
        buf[off] = cs >> 8
        buf[off + 1] = cs & 0xFF
    return bytes(buf)


# ---------------------------------------------------------------------------------------------
# Sources and the schedule


@dataclass
class Source:
    name: str
    category: str
    templates: list
    share: float = 0.0
    scheduled: int = 0
    replays: int = 0
    copies: dict = field(default_factory=dict)  # copy index -> ReplayMap
    tiebreak: bytes = b""

    @property
    def frames(self) -> int:
        return len(self.templates)


def category_of(rel: str) -> str:
    r = rel.lower()
    for cat, words in (("opcua", ("opcua", "opc-ua")), ("profinet-cm", ("profinet-io-cm", "profinet_io_cm")),
                       ("profinet-dcp", ("profinet", "dcp")), ("modbus", ("modbus",)),
                       ("enip", ("enip", "ethernetip", "cip")), ("s7", ("s7",)), ("lldp", ("lldp",))):
        if any(w in r for w in words):
            return cat
    return "other"


def templates_of(frames: list[RawFrame], max_gap_us: int, stats: Counter) -> list[Template]:
    out, rel, prev = [], 0, None
    for f in frames:
        conv = to_ethernet(f)
        if conv is None:
            stats[f"skipped-linktype-{f.linktype}"] += 1
            continue
        eth, delta = conv
        if prev is not None:
            rel += min(max((f.ts_ns - prev) // 1000, 0), max_gap_us)
        prev = f.ts_ns
        out.append(build_template(eth, max(f.orig_len + delta, len(eth)), rel))
    return out


def load_sources(shared: Path, max_gap_us: int, seed: int, log) -> tuple[list[Source], Counter]:
    files = sorted(p for p in shared.rglob("*") if p.is_file() and p.suffix.lower() in (".pcap", ".pcapng", ".cap"))
    sources, stats = [], Counter()
    for p in files:
        rel = str(p.relative_to(shared))
        try:
            frames = read_capture(p)
        except (CaptureError, OSError, struct.error) as ex:
            log(f"  skipped {rel}: {ex}")
            continue
        tpls = templates_of(frames, max_gap_us, stats)
        if tpls:
            sources.append(Source(rel, category_of(rel), tpls))
    # LLDP frames of every capture form their own small source, so switches are part of the mix.
    lldp = []
    for s in sources:
        lldp += [t for t in s.templates if t.label == "lldp"]
    if lldp:
        lldp = [Template(t.data, t.orig_len, i * 30_000_000 // max(1, len(lldp)), t.label, t.patches, t.csums)
                for i, t in enumerate(lldp)]
        sources.append(Source("(lldp frames of all captures)", "lldp", lldp))
    for s in sources:
        s.tiebreak = hashlib.sha256(f"{seed}:{s.name}".encode()).digest()
    return sources, stats


def assign_shares(sources: list[Source], mix: dict[str, float]) -> None:
    """Category shares from the mix; within a category a file's share is proportional to its frame
    count, so every capture of a category is replayed equally often."""
    present = {s.category for s in sources}
    total = sum(w for c, w in mix.items() if c in present) or 1.0
    for cat in present:
        members = [s for s in sources if s.category == cat]
        norm = sum(s.frames for s in members)
        for s in members:
            s.share = mix.get(cat, 0.0) / total * s.frames / norm


def next_source(sources: list[Source]) -> Source:
    """Weighted fair queueing on frames: the source whose next replay finishes first."""
    live = [s for s in sources if s.share > 0]
    return min(live, key=lambda s: ((s.scheduled + s.frames) / s.share, s.tiebreak))


# ---------------------------------------------------------------------------------------------
# Output


class PcapWriter:
    def __init__(self, path: Path):
        self.f = open(path, "wb")
        self.buf = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        self.bytes = len(self.buf)

    def write(self, ts_us: int, data: bytes, orig_len: int) -> None:
        self.buf += struct.pack("<IIII", ts_us // 1_000_000, ts_us % 1_000_000, len(data), orig_len)
        self.buf += data
        self.bytes += 16 + len(data)
        if len(self.buf) >= FLUSH_BYTES:
            self.f.write(self.buf)
            self.buf.clear()

    def close(self) -> None:
        self.f.write(self.buf)
        self.f.close()


def generate(sources, alloc, writer, max_frames, max_bytes, concurrency, copies, log):
    """Run `concurrency` replays at once, merged by timestamp; a finished replay is replaced by
    the next scheduled one, starting 1 ms after the last frame written. Replay r of a source uses
    the addresses of copy r mod `copies` (0: every replay gets new addresses). Replays of one
    source all last as long, so with copies >= concurrency two replays of one copy never overlap."""
    heap, seq, clock, frames = [], 0, OUT_EPOCH * 1_000_000, 0
    labels, cats = Counter(), Counter()

    def start(at: int):
        nonlocal seq
        s = next_source(sources)
        k = s.replays % copies if copies else s.replays
        amap = s.copies.get(k) or ReplayMap(alloc, s.category)
        if copies:
            s.copies[k] = amap
        s.scheduled += s.frames
        s.replays += 1
        seq += 1
        heapq.heappush(heap, (at + s.templates[0].rel_us, seq, s, 0, at, Replay(amap, seq)))

    for _ in range(concurrency):
        start(clock)
    started, last_log = time.monotonic(), 0
    while heap and frames < max_frames and writer.bytes < max_bytes:
        ts, sq, s, i, base, amap = heapq.heappop(heap)
        t = s.templates[i]
        writer.write(ts, render(t, amap), t.orig_len)
        labels[t.label] += 1
        cats[s.category] += 1
        frames += 1
        clock = ts
        if i + 1 < s.frames:
            heapq.heappush(heap, (base + s.templates[i + 1].rel_us, sq, s, i + 1, base, amap))
        else:
            start(clock + 1000)
        if frames - last_log >= 500_000:
            last_log = frames
            log(f"  {frames:,} frames, {writer.bytes / 1e6:,.0f} MB, {time.monotonic() - started:.0f} s")
    return frames, clock, labels, cats


# ---------------------------------------------------------------------------------------------


def default_shared() -> Path:
    for base in REPO.parents:  # ../shared/data/pcaps first, then further up (git worktrees)
        cand = base / "shared" / "data" / "pcaps"
        if cand.is_dir():
            return cand
    return REPO.parent / "shared" / "data" / "pcaps"


def resolve_shared(arg: str | None) -> Path:
    if arg is None:
        env = os.environ.get("FIELDPRINT_SHARED")
        return resolve_shared(env) if env else default_shared()
    p = Path(arg)
    for cand in (p / "data" / "pcaps", p / "pcaps", p):
        if cand.is_dir():
            return cand
    return p


def parse_mix(text: str | None) -> dict[str, float]:
    mix = dict(DEFAULT_MIX)
    for part in (text or "").split(","):
        if part.strip():
            k, _, v = part.partition("=")
            mix[k.strip()] = float(v)
    return mix


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="shared captures (…/shared, …/shared/data or …/data/pcaps); "
                    "default: ../shared/data/pcaps from the repo root (searched upwards), or $FIELDPRINT_SHARED")
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--packets", type=int, help="frames to write (default 1,000,000)")
    size.add_argument("--size-gb", type=float, help="write until the file reaches X * 10^9 bytes")
    ap.add_argument("--out", help="output pcap (default bench/out/mixed-1m.pcap or mixed-<X>gb.pcap)")
    ap.add_argument("--seed", type=int, default=1, help="address and tie-break seed (default 1)")
    ap.add_argument("--mix", help="category shares, e.g. modbus=0.3,opcua=0.1 (defaults: "
                    + ",".join(f"{k}={v}" for k, v in DEFAULT_MIX.items()) + ")")
    ap.add_argument("--concurrency", type=int, default=16, help="replays interleaved at once (default 16)")
    ap.add_argument("--copies", type=int, default=64,
                    help="address copies per source: replay r uses copy r mod N, which bounds the device "
                    "count of long captures; 0 = new addresses for every replay (default 64, at least --concurrency)")
    ap.add_argument("--max-gap-ms", type=int, default=MAX_GAP_US_DEFAULT // 1000,
                    help="clamp gaps between frames of a source (default 1000)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)

    def log(msg):
        if not a.quiet:
            print(msg, file=sys.stderr, flush=True)

    shared = resolve_shared(a.shared)
    if not shared.is_dir():
        print(f"make-capture: shared captures not found at {shared} (use --shared DIR)", file=sys.stderr)
        return 2
    max_frames = a.packets if a.packets is not None else (1 << 62 if a.size_gb else 1_000_000)
    max_bytes = int(a.size_gb * 1e9) if a.size_gb else 1 << 62
    if a.out:
        out = Path(a.out)
    elif a.size_gb:
        out = REPO / "bench" / "out" / f"mixed-{a.size_gb:g}gb.pcap"
    else:
        out = REPO / "bench" / "out" / ("mixed-1m.pcap" if max_frames == 1_000_000 else f"mixed-{max_frames}.pcap")
    out.parent.mkdir(parents=True, exist_ok=True)

    t0 = time.monotonic()
    log(f"reading {shared}")
    sources, load_stats = load_sources(shared, a.max_gap_ms * 1000, a.seed, log)
    if not sources:
        print(f"make-capture: no readable captures under {shared}", file=sys.stderr)
        return 2
    assign_shares(sources, parse_mix(a.mix))
    alloc = Allocator(a.seed)
    tmp = out.with_name(out.name + ".partial")
    writer = PcapWriter(tmp)
    concurrency = max(1, a.concurrency)
    copies = 0 if a.copies <= 0 else max(a.copies, concurrency)
    frames, clock, labels, cats = generate(sources, alloc, writer, max_frames, max_bytes,
                                           concurrency, copies, log)
    writer.close()
    os.replace(tmp, out)

    summary = {
        "file": str(out), "frames": frames, "bytes": writer.bytes, "seed": a.seed,
        "copies": copies, "concurrency": concurrency,
        "sourceFiles": len([s for s in sources if not s.name.startswith("(")]),
        "sourceFrames": sum(s.frames for s in sources if not s.name.startswith("(")),
        "replaysStarted": sum(s.replays for s in sources),
        "distinctAddresses": alloc.distinct(),
        "durationSeconds": round((clock - OUT_EPOCH * 1_000_000) / 1e6, 3),
        "framesByCategory": dict(cats.most_common()),
        "macsByCategory": dict(alloc.macs_by_category.most_common()),
        "framesByProtocol": dict(labels.most_common()),
        "skippedSourceFrames": dict(load_stats),
        "buildSeconds": round(time.monotonic() - t0, 1),
    }
    Path(str(out) + ".summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print_summary(summary, sources)
    return 0


def print_summary(s: dict, sources: list[Source]) -> None:
    d = s["distinctAddresses"]
    print(f"wrote {s['file']}: {s['frames']:,} frames, {s['bytes']:,} bytes, "
          f"{s['durationSeconds']:,.0f} s of traffic, built in {s['buildSeconds']} s")
    print(f"sources: {s['sourceFiles']} captures, {s['sourceFrames']:,} frames; "
          f"replays started: {s['replaysStarted']:,}")
    print(f"distinct unicast addresses: {d['macs']:,} MACs, {d['ipv4']:,} IPv4, {d['ipv6']:,} IPv6")
    print("frames (and distinct MACs) by source category:")
    for k, v in s["framesByCategory"].items():
        print(f"  {k:14} {v:>10,}  {100 * v / max(1, s['frames']):5.1f} %   "
              f"{s['macsByCategory'].get(k, 0):>7,} MACs")
    print("frames by protocol (EtherType / port):")
    for k, v in s["framesByProtocol"].items():
        print(f"  {k:18} {v:>10,}  {100 * v / max(1, s['frames']):5.1f} %")
    if s["skippedSourceFrames"]:
        print(f"source frames skipped: {s['skippedSourceFrames']}")


if __name__ == "__main__":
    sys.exit(main())
