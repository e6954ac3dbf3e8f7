#!/usr/bin/env python3
"""Generate examples/plant-example.pcapng: a small, entirely synthetic plant for the fieldprint demo.

    examples/make-example-capture.py                       # writes examples/plant-example.pcapng
    examples/make-example-capture.py --out /tmp/plant.pcapng --fresh-certificate

Every byte is built here (no bytes from any other capture). pcapng: one SHB, one Ethernet IDB
(microseconds), EPBs. All timestamps are on 2026-01-15 (UTC); the output is byte-for-byte
reproducible. Python 3.11 standard library only (openssl only for --fresh-certificate).

The plant, 192.168.10.0/24:
  .100  engineering station (Dell 00:14:22)        the client of every exchange below except FC3
  .10   Siemens S7-300 CPU 315-2 PN/DP (00:1b:1b)  S7comm on TCP 102: COTP CR/CC, Setup
        Communication, Read SZL 0x0011 (module 6ES7 315-2EH14-0AB0, basic hardware, basic firmware
        V3.2.6) and Read SZL 0x001C (AS name, module name, plant designation, copyright, serial,
        module type name)
  .20   Schneider Modicon M340 / BMX NOE 0100 (00:80:f4)  Modbus/TCP: FC43/14 basic + regular and
        FC17 Report Server ID to the engineering station; FC3 polls from the HMI
  .50   HMI (Advantech 00:d0:c9)                   polls the M340 with FC3
  .30   Rockwell 1756-L61/B LOGIX5561 (00:00:bc)   EtherNet/IP ListIdentity over UDP 44818
  .2    Siemens SCALANCE X208 switch (00:0e:8c)    LLDP, SNMP v2c GetResponse (community "public"),
        and a cleartext Telnet login banner
  .40   Siemens ET 200SP PROFINET IO device (28:63:36)  DCP Identify (by NameOfStation) response
  .60   OPC UA server on a Beckhoff IPC (00:01:05) HEL/ACK, OPN (None), GetEndpoints with two
        endpoints (None + Anonymous/UserName; SignAndEncrypt Basic256 + UserName), both carrying an
        expired self-signed RSA-1024/SHA-1 certificate, CLO

Values that are plausible rather than taken from a real device: the ET 200SP DCP DeviceID 0x0313
(believed to be the IM 155-6 PN ID; unverified), the SCALANCE sysObjectID
1.3.6.1.4.1.4329.6.1.2.2 (Siemens enterprise 4329; the subtree is a guess), the S7 hardware
release (Ausbg 4), the Telnet banner text, the OPC UA application URIs.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import ipaddress
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

START = datetime(2026, 1, 15, 9, 0, 0, tzinfo=timezone.utc)

# Self-signed RSA-1024 / SHA-1 certificate, valid 2014-01-15 .. 2019-01-15 (expired), generated once
# with openssl_certificate() below; embedded so that the example is reproducible.
EMBEDDED_CERTIFICATE = base64.b64decode("""
MIICgzCCAeygAwIBAgIBATANBgkqhkiG9w0BAQUFADA3MR0wGwYDVQQDDBRMaW5lIDEgT1BDIFVB
IFNlcnZlcjEWMBQGA1UECgwNRXhhbXBsZSBQbGFudDAeFw0xNDAxMTUwMDAwMDBaFw0xOTAxMTUw
MDAwMDBaMDcxHTAbBgNVBAMMFExpbmUgMSBPUEMgVUEgU2VydmVyMRYwFAYDVQQKDA1FeGFtcGxl
IFBsYW50MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDPLufq3oJCSd8yv+1XV392Xl0XdS0p
1aphC65135FYgCadj0ShWp3jOBCdVgu8RYoEDYBGGUV4xYP70q+Yr4z1tDlt7LBcMLmCv2ra4+zp
rYhe2S9C2QNDeMv3sTXIFaX7K+UJghKLcAJk2lt/TO+lUWk9GYFvP6fWnCMjAC7KSQIDAQABo4Ge
MIGbMD0GA1UdEQQ2MDSGIXVybjpsaW5lMS1pcGM6RXhhbXBsZTpPcGNVYVNlcnZlcocEwKgKPIIJ
bGluZTEtaXBjMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgTwMB0GA1UdJQQWMBQGCCsGAQUF
BwMBBggrBgEFBQcDAjAdBgNVHQ4EFgQUhW80rmApmiOxA2r4dZeBJ4P9XbIwDQYJKoZIhvcNAQEF
BQADgYEAcSC1/kf3erNR8zKGbgmvpqa0X4DKv1p4TORuurKwjSN2lpLZqJWPwsYHbksapQ6TCPxM
GeQoH+xusMOAhjonffD5JDdMPjwwW8t6z2OMLXuHuH2NSBFt6wN58D+DLDdwHn4YrGeo5AmZoSMh
hQNwjc8LvvVNwHHXM5JiQLmowSE=
""")

OPCUA_APPLICATION_URI = "urn:line1-ipc:Example:OpcUaServer"

CA_CONFIG = """[ca]
default_ca = own
[own]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
policy = any
unique_subject = no
copy_extensions = none
email_in_dn = no
[any]
commonName = supplied
organizationName = optional
[ext]
subjectAltName = URI:%s,IP:192.168.10.60,DNS:line1-ipc
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
""" % OPCUA_APPLICATION_URI


def openssl_certificate() -> bytes:
    """A fresh self-signed RSA-1024/SHA-1 DER certificate that expired in 2019 (`openssl ca` is
    used because OpenSSL 3.0's `req -x509` cannot set a notBefore in the past)."""
    with tempfile.TemporaryDirectory() as d:
        def run(*args):
            subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)
        Path(d, "ca.cnf").write_text(CA_CONFIG)
        Path(d, "index.txt").write_text("")
        Path(d, "serial").write_text("01\n")
        run("genrsa", "-out", "key.pem", "1024")
        run("req", "-new", "-key", "key.pem", "-subj", "/CN=Line 1 OPC UA Server/O=Example Plant",
            "-sha1", "-out", "req.csr")
        run("ca", "-selfsign", "-keyfile", "key.pem", "-in", "req.csr", "-out", "cert.pem",
            "-startdate", "20140115000000Z", "-enddate", "20190115000000Z", "-md", "sha1",
            "-batch", "-config", "ca.cnf", "-extensions", "ext", "-notext")
        run("x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der")
        return Path(d, "cert.der").read_bytes()


# ---------------------------------------------------------------------------------------------
# pcapng


def pcapng_block(btype: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    n = len(body) + 12
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)


def pcapng_option(code: int, value: bytes) -> bytes:
    return struct.pack("<HH", code, len(value)) + value + b"\0" * (-len(value) % 4)


def write_pcapng(path: Path, frames: list[tuple[int, bytes]]) -> None:
    shb = struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + pcapng_option(
        4, b"fieldprint examples/make-example-capture.py") + pcapng_option(0, b"")
    idb = struct.pack("<HHI", 1, 0, 262144) + pcapng_option(2, b"plant-span") + pcapng_option(
        9, b"\x06") + pcapng_option(0, b"")
    out = bytearray(pcapng_block(0x0A0D0D0A, shb) + pcapng_block(1, idb))
    for ts_us, data in frames:
        epb = struct.pack("<IIIII", 0, ts_us >> 32, ts_us & 0xFFFFFFFF, len(data), len(data)) + data
        out += pcapng_block(6, epb)
    path.write_bytes(bytes(out))


# ---------------------------------------------------------------------------------------------
# Ethernet, IPv4, TCP, UDP


def mac(text: str) -> bytes:
    return bytes.fromhex(text.replace(":", ""))


def ip4(text: str) -> bytes:
    return ipaddress.IPv4Address(text).packed


def inet_checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(">%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ethernet(dst: bytes, src: bytes, etype: int, payload: bytes) -> bytes:
    frame = dst + src + struct.pack(">H", etype) + payload
    return frame + b"\0" * max(0, 60 - len(frame))  # a SPAN port sees frames padded to 60 bytes


@dataclass
class Host:
    name: str
    mac: bytes
    ip: bytes
    ttl: int = 64
    window: int = 8192
    ip_id: int = 0x1000

    def ipv4(self, dst: Host | bytes, proto: int, payload: bytes) -> bytes:
        dst_ip = dst.ip if isinstance(dst, Host) else dst
        self.ip_id = (self.ip_id + 1) & 0xFFFF
        hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), self.ip_id, 0x4000,
                          self.ttl, proto, 0, self.ip, dst_ip)
        return hdr[:10] + struct.pack(">H", inet_checksum(hdr)) + hdr[12:] + payload


def l4_checksum(src: bytes, dst: bytes, proto: int, segment: bytes) -> int:
    return inet_checksum(src + dst + struct.pack(">BBH", 0, proto, len(segment)) + segment)


class Capture:
    def __init__(self, start: datetime):
        self.t_us = int(start.timestamp() * 1_000_000)
        self.frames: list[tuple[int, bytes]] = []

    def add(self, frame: bytes, after_us: int = 400) -> None:
        self.t_us += after_us
        self.frames.append((self.t_us, frame))

    def pause(self, us: int) -> None:
        self.t_us += us

    def udp(self, src: Host, sport: int, dst: Host, dport: int, payload: bytes,
            dst_mac: bytes | None = None, dst_ip: bytes | None = None, after_us: int = 400) -> None:
        dip = dst_ip or dst.ip
        seg = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
        cs = l4_checksum(src.ip, dip, 17, seg) or 0xFFFF
        seg = seg[:6] + struct.pack(">H", cs) + seg[8:]
        self.add(ethernet(dst_mac or dst.mac, src.mac, 0x0800, src.ipv4(dip, 17, seg)), after_us)


class TcpConversation:
    """One TCP connection with handshake, data in both directions and an orderly FIN close."""

    SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01

    def __init__(self, cap: Capture, client: Host, cport: int, server: Host, sport: int):
        self.cap, self.client, self.server = cap, client, server
        self.cport, self.sport = cport, sport
        h = hashlib.sha256(f"{client.name}:{cport}>{server.name}:{sport}".encode()).digest()
        self.cseq, self.sseq = struct.unpack(">II", h[:8])
        self.server_spoke_last = False

    def _segment(self, from_client: bool, flags: int, payload: bytes = b"", mss: bool = False,
                 after_us: int = 400) -> None:
        src, dst = (self.client, self.server) if from_client else (self.server, self.client)
        sp, dp = (self.cport, self.sport) if from_client else (self.sport, self.cport)
        seq, ack = (self.cseq, self.sseq) if from_client else (self.sseq, self.cseq)
        opts = b"\x02\x04\x05\xb4" if mss else b""
        hdr = struct.pack(">HHIIBBHHH", sp, dp, seq, ack if flags & self.ACK else 0,
                          (5 + len(opts) // 4) << 4, flags, src.window, 0, 0) + opts
        seg = hdr + payload
        seg = seg[:16] + struct.pack(">H", l4_checksum(src.ip, dst.ip, 6, seg)) + seg[18:]
        self.cap.add(ethernet(dst.mac, src.mac, 0x0800, src.ipv4(dst, 6, seg)), after_us)
        advance = len(payload) + (1 if flags & (self.SYN | self.FIN) else 0)
        if from_client:
            self.cseq = (self.cseq + advance) & 0xFFFFFFFF
        else:
            self.sseq = (self.sseq + advance) & 0xFFFFFFFF

    def open(self) -> TcpConversation:
        self._segment(True, self.SYN, mss=True, after_us=200_000)
        self._segment(False, self.SYN | self.ACK, mss=True, after_us=600)
        self._segment(True, self.ACK, after_us=150)
        return self

    MSS = 1460

    def _data(self, from_client: bool, payload: bytes, after_us: int) -> None:
        """Payload in MSS-sized segments; PSH on the last one."""
        chunks = [payload[i:i + self.MSS] for i in range(0, len(payload), self.MSS)]
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            self._segment(from_client, (self.PSH if last else 0) | self.ACK, chunk,
                          after_us=after_us if i == 0 else 120)
        self.server_spoke_last = not from_client

    def request(self, payload: bytes, after_us: int = 2_000) -> None:
        self._data(True, payload, after_us)

    def response(self, payload: bytes, after_us: int = 3_500) -> None:
        self._data(False, payload, after_us)

    def close(self) -> None:
        if self.server_spoke_last:
            self._segment(True, self.ACK, after_us=200)
        self._segment(True, self.FIN | self.ACK, after_us=5_000)
        self._segment(False, self.FIN | self.ACK, after_us=700)
        self._segment(True, self.ACK, after_us=150)


# ---------------------------------------------------------------------------------------------
# S7comm over TPKT/COTP (ISO-on-TCP, RFC 1006)


def tpkt(payload: bytes) -> bytes:
    return struct.pack(">BBH", 3, 0, 4 + len(payload)) + payload


def cotp_connect(pdu_type: int, dst_ref: int, src_ref: int) -> bytes:
    params = b"\xc1\x02\x01\x00" + b"\xc2\x02\x01\x02" + b"\xc0\x01\x0a"  # TSAPs 0x0100/0x0102, TPDU 1024
    body = struct.pack(">BHHB", pdu_type, dst_ref, src_ref, 0) + params
    return tpkt(bytes([len(body)]) + body)


def s7(rosctr: int, pdu_ref: int, param: bytes, data: bytes = b"", error: bytes | None = None) -> bytes:
    header = struct.pack(">BBHHHH", 0x32, rosctr, 0, pdu_ref, len(param), len(data))
    if rosctr in (2, 3):  # Ack / Ack_Data carry error class and code
        header += error or b"\0\0"
    return tpkt(b"\x02\xf0\x80" + header + param + data)


def setup_communication(pdu_len: int) -> bytes:
    return struct.pack(">BBHHH", 0xF0, 0, 1, 1, pdu_len)


def szl_request(szl_id: int, index: int) -> bytes:
    param = b"\x00\x01\x12\x04\x11\x44\x01\x00"  # head, len 4, request, type 4 / group 4 (CPU), Read SZL
    return param, struct.pack(">BBHHH", 0xFF, 0x09, 4, szl_id, index)


def szl_response(szl_id: int, index: int, seq: int, record_len: int, records: list[bytes]) -> tuple:
    param = b"\x00\x01\x12\x08\x12\x84\x01" + bytes([seq]) + b"\x00\x00\x00\x00"
    body = struct.pack(">HHHH", szl_id, index, record_len, len(records)) + b"".join(records)
    return param, struct.pack(">BBH", 0xFF, 0x09, len(body)) + body


def text(value: str, width: int, pad: bytes = b"\0") -> bytes:
    raw = value.encode("ascii")
    assert len(raw) <= width, value
    return raw + pad * (width - len(raw))


def szl_0011_record(index: int, mlfb: str, bgtyp: int, ausbg: int, ausbe: int) -> bytes:
    return struct.pack(">H", index) + text(mlfb, 20, b" ") + struct.pack(">HHH", bgtyp, ausbg, ausbe)


def szl_001c_record(index: int, value: str, width: int) -> bytes:
    return struct.pack(">H", index) + text(value, width) + b"\0" * (32 - width)


def s7_session(cap: Capture, pg: Host, cpu: Host) -> None:
    c = TcpConversation(cap, pg, 50110, cpu, 102).open()
    c.request(cotp_connect(0xE0, 0x0000, 0x0001))
    c.response(cotp_connect(0xD0, 0x0001, 0x4431))
    c.request(s7(1, 0x0100, setup_communication(480)))
    c.response(s7(3, 0x0100, setup_communication(240)))
    c.request(s7(7, 0x0200, *szl_request(0x0011, 0x0000)))
    c.response(s7(7, 0x0200, *szl_response(0x0011, 0x0000, 1, 28, [
        szl_0011_record(0x0001, "6ES7 315-2EH14-0AB0", 0x00C0, 0x0004, 0x0001),  # module
        szl_0011_record(0x0006, "6ES7 315-2EH14-0AB0", 0x00C0, 0x0004, 0x0001),  # basic hardware
        szl_0011_record(0x0007, "", 0x00C0, 0x5603, 0x0206),  # basic firmware: 'V' 3 . 2 . 6
    ])))
    c.request(s7(7, 0x0300, *szl_request(0x001C, 0x0000)))
    c.response(s7(7, 0x0300, *szl_response(0x001C, 0x0000, 2, 34, [
        szl_001c_record(0x0001, "PLC_LINE1", 24),  # name of the automation system
        szl_001c_record(0x0002, "CPU 315-2 PN/DP", 24),  # name of the module
        szl_001c_record(0x0003, "LINE1-PACKAGING", 32),  # plant designation
        szl_001c_record(0x0004, "Original Siemens Equipment", 26),  # copyright
        szl_001c_record(0x0005, "S C-X4U421302009", 24),  # serial number of the module
        szl_001c_record(0x0007, "CPU 315-2 PN/DP", 32),  # module type name
    ])))
    c.close()


# ---------------------------------------------------------------------------------------------
# Modbus/TCP


def mbap(tid: int, unit: int, pdu: bytes) -> bytes:
    return struct.pack(">HHHB", tid, 0, 1 + len(pdu), unit) + pdu


def device_id_response(code: int, objects: list[tuple[int, str]]) -> bytes:
    body = b"".join(struct.pack(">BB", oid, len(v)) + v.encode("ascii") for oid, v in objects)
    return struct.pack(">BBBBBBB", 0x2B, 0x0E, code, 0x82, 0x00, 0x00, len(objects)) + body


def modbus_sessions(cap: Capture, pg: Host, plc: Host, hmi: Host) -> None:
    basic = [(0, "Schneider Electric"), (1, "BMX NOE 0100"), (2, "V3.10")]
    regular = basic + [(3, "www.se.com"), (4, "Modicon M340"), (5, "BMX P34 2020"),
                       (6, "LINE1_PACKAGING")]
    c = TcpConversation(cap, pg, 50502, plc, 502).open()
    c.request(mbap(1, 0xFF, b"\x2b\x0e\x01\x00"))  # FC43/14, basic, from object 0
    c.response(mbap(1, 0xFF, device_id_response(0x01, basic)))
    c.request(mbap(2, 0xFF, b"\x2b\x0e\x02\x00"))  # FC43/14, regular, from object 0
    c.response(mbap(2, 0xFF, device_id_response(0x02, regular)))
    c.request(mbap(3, 0xFF, b"\x11"))  # FC17 Report Server ID
    server_id = b"\x01\xff" + b"BMX NOE 0100 V3.10"  # server id, run indicator ON, device data
    c.response(mbap(3, 0xFF, bytes([0x11, len(server_id)]) + server_id))
    c.close()

    poll = TcpConversation(cap, hmi, 49730, plc, 502).open()
    for i in range(4):
        poll.request(mbap(0x100 + i, 1, struct.pack(">BHH", 3, 0, 10)), after_us=250_000 if i else 2_000)
        regs = struct.pack(">10H", *[(1200 + 7 * i + r * 13) & 0xFFFF for r in range(10)])
        poll.response(mbap(0x100 + i, 1, bytes([3, len(regs)]) + regs))
    poll.close()


# ---------------------------------------------------------------------------------------------
# EtherNet/IP ListIdentity (UDP 44818)


def enip(command: int, data: bytes, context: bytes) -> bytes:
    return struct.pack("<HHII8sI", command, len(data), 0, 0, context, 0) + data


def list_identity_item(device: Host) -> bytes:
    name = b"1756-L61/B LOGIX5561"
    body = struct.pack("<H", 1)  # encapsulation protocol version
    body += struct.pack(">HH4s8s", 2, 44818, device.ip, b"\0" * 8)  # sockaddr (big-endian)
    body += struct.pack("<HHHBBHI", 1, 0x0E, 0x0036, 20, 11, 0x0030, 0x00C0FFEE)
    body += bytes([len(name)]) + name + bytes([3])  # product name, state
    return struct.pack("<HHH", 1, 0x000C, len(body)) + body


def enip_list_identity(cap: Capture, pg: Host, plc: Host) -> None:
    ctx = b"fp-demo\0"
    cap.udp(pg, 52001, plc, 44818, enip(0x63, b"", ctx), dst_mac=b"\xff" * 6,
            dst_ip=ip4("192.168.10.255"), after_us=300_000)
    cap.udp(plc, 44818, pg, 52001, enip(0x63, list_identity_item(plc), ctx), after_us=1_800)


# ---------------------------------------------------------------------------------------------
# LLDP, SNMP v2c and Telnet from the SCALANCE X208


SCALANCE_DESCRIPTION = ("Siemens, SIMATIC NET, SCALANCE X208, 6GK5 208-0BA00-2AA3, HW: Version 7, "
                        "FW: Version V04.02.01")


def tlv(t: int, value: bytes) -> bytes:
    return struct.pack(">H", t << 9 | len(value)) + value


def lldp_frame(switch: Host, port_mac: bytes) -> bytes:
    pdu = tlv(1, b"\x04" + switch.mac)  # chassis ID: MAC address
    pdu += tlv(2, b"\x07port-001")  # port ID: locally assigned
    pdu += tlv(3, struct.pack(">H", 20))  # TTL
    pdu += tlv(4, b"Siemens, SIMATIC NET, Ethernet Port, X1 P1")
    pdu += tlv(5, b"scalance-x208")
    pdu += tlv(6, SCALANCE_DESCRIPTION.encode())
    pdu += tlv(7, struct.pack(">HH", 0x0004, 0x0004))  # capabilities: bridge; enabled: bridge
    pdu += tlv(8, b"\x05\x01" + switch.ip + b"\x02" + struct.pack(">I", 1) + b"\x00")
    pdu += tlv(0, b"")
    return ethernet(mac("01:80:c2:00:00:0e"), port_mac, 0x88CC, pdu)


def ber(tag: int, value: bytes) -> bytes:
    n = len(value)
    length = bytes([n]) if n < 128 else bytes([0x81, n]) if n < 256 else bytes([0x82]) + struct.pack(">H", n)
    return bytes([tag]) + length + value


def ber_int(v: int) -> bytes:
    return ber(0x02, v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big", signed=True))


def ber_oid(dotted: str) -> bytes:
    parts = [int(x) for x in dotted.split(".")]
    out = bytearray([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        while p > 0x7F:
            p >>= 7
            chunk.insert(0, 0x80 | (p & 0x7F))
        out += bytes(chunk)
    return ber(0x06, bytes(out))


def snmp(pdu_tag: int, request_id: int, varbinds: list[tuple[str, bytes]]) -> bytes:
    vbl = b"".join(ber(0x30, ber_oid(oid) + value) for oid, value in varbinds)
    pdu = ber(pdu_tag, ber_int(request_id) + ber_int(0) + ber_int(0) + ber(0x30, vbl))
    return ber(0x30, ber_int(1) + ber(0x04, b"public") + pdu)  # version 1 = SNMPv2c


def switch_exchanges(cap: Capture, pg: Host, switch: Host) -> None:
    cap.add(lldp_frame(switch, mac("00:0e:8c:a4:51:02")), after_us=150_000)
    oids = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.5.0"]
    cap.udp(pg, 53161, switch, 161, snmp(0xA0, 0x2F1A, [(o, b"\x05\x00") for o in oids]), after_us=400_000)
    values = [ber(0x04, SCALANCE_DESCRIPTION.encode()), ber_oid("1.3.6.1.4.1.4329.6.1.2.2"),
              ber(0x04, b"scalance-x208")]
    cap.udp(switch, 161, pg, 53161, snmp(0xA2, 0x2F1A, list(zip(oids, values))), after_us=4_200)

    t = TcpConversation(cap, pg, 50023, switch, 23).open()
    t.response(b"\xff\xfb\x01\xff\xfb\x03\xff\xfd\x18", after_us=9_000)  # WILL ECHO, WILL SGA, DO TTYPE
    t.request(b"\xff\xfd\x01\xff\xfd\x03\xff\xfc\x18", after_us=1_200)  # DO ECHO, DO SGA, WONT TTYPE
    t.response(b"\r\nSCALANCE X208 Command Line Interface\r\n"
               b"Siemens AG, SIMATIC NET, FW V04.02.01\r\n\r\nLogin: ", after_us=6_000)
    t.close()
    cap.add(lldp_frame(switch, mac("00:0e:8c:a4:51:02")), after_us=400_000)


# ---------------------------------------------------------------------------------------------
# PROFINET DCP Identify


def dcp_block(option: int, suboption: int, value: bytes) -> bytes:
    return struct.pack(">BBH", option, suboption, len(value)) + value + b"\0" * (len(value) & 1)


def dcp_frame(dst: bytes, src: bytes, frame_id: int, service_type: int, xid: int, delay: int,
              blocks: bytes) -> bytes:
    pdu = struct.pack(">HBBIHH", frame_id, 5, service_type, xid, delay, len(blocks)) + blocks
    return ethernet(dst, src, 0x8892, pdu)


def dcp_identify(cap: Capture, pg: Host, io: Host) -> None:
    name = b"et200sp-line1"
    request = dcp_block(2, 2, name)  # Identify filtered by NameOfStation
    cap.add(dcp_frame(mac("01:0e:cf:00:00:00"), pg.mac, 0xFEFE, 0, 0x0000_1A2B, 0x0001, request),
            after_us=300_000)
    info = b"\0\0"  # BlockInfo
    blocks = dcp_block(2, 1, info + b"ET200SP")  # DeviceVendorValue (type of station)
    blocks += dcp_block(2, 2, info + name)  # NameOfStation
    blocks += dcp_block(2, 3, info + struct.pack(">HH", 0x002A, 0x0313))  # VendorID, DeviceID
    blocks += dcp_block(2, 4, info + b"\x01\x00")  # DeviceRole: IO-Device
    blocks += dcp_block(2, 5, info + bytes.fromhex("0102 0201 0202 0203 0204 0205 0207"))  # options
    blocks += dcp_block(2, 7, info + b"\x00\x01")  # DeviceInstance
    blocks += dcp_block(1, 2, b"\x00\x01" + io.ip + ip4("255.255.255.0") + ip4("192.168.10.1"))
    cap.add(dcp_frame(pg.mac, io.mac, 0xFEFF, 1, 0x0000_1A2B, 0, blocks), after_us=7_500)


# ---------------------------------------------------------------------------------------------
# OPC UA binary (UA TCP / UA SecureConversation)

POLICY_NONE = "http://opcfoundation.org/UA/SecurityPolicy#None"
POLICY_BASIC256 = "http://opcfoundation.org/UA/SecurityPolicy#Basic256"
TRANSPORT_PROFILE = "http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary"


def ua_string(s: str | None) -> bytes:
    if s is None:
        return struct.pack("<i", -1)
    raw = s.encode("utf-8")
    return struct.pack("<i", len(raw)) + raw


def ua_bytes(b: bytes | None) -> bytes:
    return struct.pack("<i", -1) if b is None else struct.pack("<i", len(b)) + b


def ua_array(items: list[bytes]) -> bytes:
    return struct.pack("<i", len(items)) + b"".join(items)


def ua_datetime(at_us: int) -> bytes:
    return struct.pack("<q", (at_us + 11_644_473_600_000_000) * 10)  # 100 ns ticks since 1601


def ua_type_id(numeric: int) -> bytes:
    return struct.pack("<BBH", 0x01, 0, numeric)  # four-byte NodeId, namespace 0


def request_header(at_us: int, handle: int) -> bytes:
    return (b"\x00\x00" + ua_datetime(at_us) + struct.pack("<II", handle, 0) + ua_string(None)
            + struct.pack("<I", 10_000) + b"\x00\x00\x00")


def response_header(at_us: int, handle: int) -> bytes:
    return (ua_datetime(at_us) + struct.pack("<II", handle, 0) + b"\x00" + struct.pack("<i", -1)
            + b"\x00\x00\x00")


def ua_chunk(kind: bytes, channel: int, security_header: bytes, seq: int, request_id: int,
             body: bytes) -> bytes:
    payload = struct.pack("<I", channel) + security_header + struct.pack("<II", seq, request_id) + body
    return kind + b"F" + struct.pack("<I", 8 + len(payload)) + payload


def asymmetric_header() -> bytes:
    return ua_string(POLICY_NONE) + ua_bytes(None) + ua_bytes(None)


def user_token(policy_id: str, token_type: int, security_policy: str | None = None) -> bytes:
    return ua_string(policy_id) + struct.pack("<i", token_type) + ua_string(None) + ua_string(None) \
        + ua_string(security_policy)


def endpoint(url: str, certificate: bytes | None, mode: int, policy: str, tokens: list[bytes],
             level: int) -> bytes:
    application = (ua_string(OPCUA_APPLICATION_URI) + ua_string("urn:fieldprint:example:opcua-server")
                   + b"\x03" + ua_string("en") + ua_string("Line 1 OPC UA Server")
                   + struct.pack("<i", 0) + ua_string(None) + ua_string(None) + ua_array([ua_string(url)]))
    return (ua_string(url) + application + ua_bytes(certificate) + struct.pack("<i", mode)
            + ua_string(policy) + ua_array(tokens) + ua_string(TRANSPORT_PROFILE) + bytes([level]))


def opcua_session(cap: Capture, client: Host, server: Host, certificate: bytes) -> None:
    url = "opc.tcp://192.168.10.60:4840"
    c = TcpConversation(cap, client, 50840, server, 4840).open()
    hello = struct.pack("<IIIII", 0, 65536, 65536, 0, 0) + ua_string(url)
    c.request(b"HELF" + struct.pack("<I", 8 + len(hello)) + hello)
    c.response(b"ACKF" + struct.pack("<IIIIII", 28, 0, 65536, 65536, 16_777_216, 0))

    opn = (ua_type_id(446) + request_header(cap.t_us, 1) + struct.pack("<Iii", 0, 0, 1)
           + ua_bytes(b"") + struct.pack("<I", 600_000))
    c.request(ua_chunk(b"OPN", 0, asymmetric_header(), 1, 1, opn))
    token = struct.pack("<II", 1, 1) + ua_datetime(cap.t_us) + struct.pack("<I", 600_000)
    opn_resp = ua_type_id(449) + response_header(cap.t_us, 1) + struct.pack("<I", 0) + token + ua_bytes(b"")
    c.response(ua_chunk(b"OPN", 1, asymmetric_header(), 1, 1, opn_resp))

    symmetric = struct.pack("<I", 1)  # TokenId
    get = ua_type_id(428) + request_header(cap.t_us, 2) + ua_string(url) + ua_array([]) + ua_array([])
    c.request(ua_chunk(b"MSG", 1, symmetric, 2, 2, get))
    endpoints = [
        endpoint(url, certificate, 1, POLICY_NONE,
                 [user_token("anonymous", 0), user_token("username", 1)], 0),
        endpoint(url, certificate, 3, POLICY_BASIC256,
                 [user_token("username_basic256", 1, POLICY_BASIC256)], 3),
    ]
    resp = ua_type_id(431) + response_header(cap.t_us, 2) + ua_array(endpoints)
    c.response(ua_chunk(b"MSG", 1, symmetric, 2, 2, resp), after_us=6_000)

    clo = ua_type_id(452) + request_header(cap.t_us, 3)
    c.request(ua_chunk(b"CLO", 1, symmetric, 3, 3, clo))
    c.close()


# ---------------------------------------------------------------------------------------------


def build(certificate: bytes) -> list[tuple[int, bytes]]:
    pg = Host("engineering", mac("00:14:22:3e:91:c7"), ip4("192.168.10.100"), 128, 64240)
    cpu = Host("s7-300", mac("00:1b:1b:5c:27:e1"), ip4("192.168.10.10"), 30, 4096)
    m340 = Host("m340", mac("00:80:f4:0c:6d:12"), ip4("192.168.10.20"), 64, 4096)
    hmi = Host("hmi", mac("00:d0:c9:a7:30:5e"), ip4("192.168.10.50"), 64, 16384)
    logix = Host("logix", mac("00:00:bc:3f:82:9d"), ip4("192.168.10.30"), 64, 4096)
    switch = Host("scalance", mac("00:0e:8c:a4:51:01"), ip4("192.168.10.2"), 64, 4096)
    et200 = Host("et200sp", mac("28:63:36:5a:18:f1"), ip4("192.168.10.40"), 64, 4096)
    ipc = Host("opcua", mac("00:01:05:1d:7b:44"), ip4("192.168.10.60"), 128, 65535)

    cap = Capture(START)
    switch_exchanges(cap, pg, switch)
    dcp_identify(cap, pg, et200)
    s7_session(cap, pg, cpu)
    modbus_sessions(cap, pg, m340, hmi)
    enip_list_identity(cap, pg, logix)
    opcua_session(cap, pg, ipc, certificate)
    return cap.frames


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate the synthetic example plant capture.")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "plant-example.pcapng"))
    ap.add_argument("--fresh-certificate", action="store_true",
                    help="generate a new OPC UA server certificate with openssl instead of the embedded "
                    "one (the output is then no longer reproducible)")
    a = ap.parse_args(argv)
    certificate = EMBEDDED_CERTIFICATE
    if a.fresh_certificate:
        if not shutil.which("openssl"):
            print("make-example-capture: openssl not found; using the embedded certificate", file=sys.stderr)
        else:
            certificate = openssl_certificate()
    frames = build(certificate)
    out = Path(a.out)
    write_pcapng(out, frames)
    print(f"wrote {out}: {len(frames)} frames, {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
