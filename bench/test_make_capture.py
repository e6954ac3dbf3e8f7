#!/usr/bin/env python3
"""Self-tests for make-capture.py (stdlib unittest): python3 bench/test_make_capture.py"""

import importlib.util
import struct
import sys
import tempfile
import unittest
from pathlib import Path

_spec = importlib.util.spec_from_file_location("make_capture", Path(__file__).with_name("make-capture.py"))
mc = importlib.util.module_from_spec(_spec)
sys.modules["make_capture"] = mc
_spec.loader.exec_module(mc)


def checksum(b: bytes) -> int:
    return ~mc.wsum(b, 0) & 0xFFFF


def udp_over_ipv4(src: bytes, dst: bytes, sport: int, dport: int, payload: bytes) -> bytes:
    udp = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
    ip = bytearray(struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, src, dst))
    ip[10:12] = struct.pack(">H", checksum(bytes(ip)))
    pseudo = src + dst + struct.pack(">BBH", 0, 17, len(udp))
    udp = udp[:6] + struct.pack(">H", checksum(pseudo + udp)) + udp[8:]
    return bytes(ip) + udp


def l4_valid(frame: bytes) -> tuple[bool, bool]:
    ip = frame[14:]
    hl = (ip[0] & 0xF) * 4
    l4 = ip[hl:struct.unpack_from(">H", ip, 2)[0]]
    pseudo = ip[12:20] + struct.pack(">BBH", 0, ip[9], len(l4))
    return mc.wsum(ip[:hl], 0) == 0xFFFF, mc.wsum(pseudo + l4, 0) == 0xFFFF


ETH = b"\x00\x1b\x1b\x01\x02\x03" + b"\x00\x80\xf4\x04\x05\x06" + b"\x08\x00"
IP_FRAME = ETH + udp_over_ipv4(b"\xc0\xa8\x0a\x05", b"\xc0\xa8\x0a\x06", 50123, 44818, b"hello")


def pcap_bytes(frames, endian="<", nanos=False, linktype=1) -> bytes:
    out = struct.pack(endian + "IHHiIII", 0xA1B23C4D if nanos else 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype)
    for ts_ns, data in frames:
        frac = ts_ns % 1_000_000_000 if nanos else ts_ns % 1_000_000_000 // 1000
        out += struct.pack(endian + "IIII", ts_ns // 1_000_000_000, frac, len(data), len(data)) + data
    return out


def block(btype: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", btype, len(body) + 12) + body + struct.pack("<I", len(body) + 12)


class ReadingTest(unittest.TestCase):
    def read(self, raw: bytes):
        with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
            f.write(raw)
            f.flush()
            return mc.read_capture(Path(f.name))

    def test_pcap_in_both_byte_orders_and_resolutions_gives_the_same_frames(self):
        frames = [(1_700_000_000_123_456_000, IP_FRAME), (1_700_000_001_000_001_000, IP_FRAME[:30])]
        for endian in "<>":
            for nanos in (False, True):
                got = self.read(pcap_bytes(frames, endian, nanos))
                self.assertEqual([(f.ts_ns, f.data) for f in got], frames, (endian, nanos))

    def test_pcapng_epb_and_spb_use_the_interface_timestamp_resolution(self):
        shb = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
        idb = block(1, struct.pack("<HHI", 0, 0, 0) + struct.pack("<HHB", 9, 1, 9) + b"\0" * 3 + b"\0" * 4)
        ts = 1_700_000_000_123_456_789  # nanoseconds, if_tsresol = 9
        null_frame = struct.pack("<I", 2) + IP_FRAME[14:]
        epb = block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(null_frame), len(null_frame)) + null_frame)
        spb = block(3, struct.pack("<I", len(null_frame)) + null_frame)
        got = self.read(shb + idb + epb + spb)
        self.assertEqual([(f.ts_ns, f.linktype) for f in got], [(ts, 0), (ts, 0)])
        eth, delta = mc.to_ethernet(got[0])
        self.assertEqual((eth[12:14], eth[14:], delta), (b"\x08\x00", IP_FRAME[14:], 10))

    def test_truncated_last_record_is_dropped_not_fatal(self):
        raw = pcap_bytes([(0, IP_FRAME), (1000, IP_FRAME)])
        self.assertEqual(len(self.read(raw[:-5])), 1)


class RewriteTest(unittest.TestCase):
    def render(self, frame: bytes, number: int = 1):
        t = mc.build_template(frame, len(frame), 0)
        return mc.render(t, mc.Replay(mc.ReplayMap(mc.Allocator(1), "test"), number))

    def test_addresses_move_to_ten_slash_eight_and_macs_keep_their_oui(self):
        out = self.render(IP_FRAME)
        self.assertEqual((out[0:3], out[6:9]), (b"\x00\x1b\x1b", b"\x00\x80\xf4"))
        self.assertNotEqual(out[0:6], IP_FRAME[0:6])
        self.assertEqual((out[26], out[30]), (10, 10))
        self.assertNotEqual(out[26:30], out[30:34])

    def test_valid_checksums_stay_valid_after_rewriting(self):
        self.assertEqual(l4_valid(IP_FRAME), (True, True))
        for number in range(1, 50):
            self.assertEqual(l4_valid(self.render(IP_FRAME, number=number)), (True, True))

    def test_client_port_rotates_per_replay_and_server_port_stays(self):
        a, b = self.render(IP_FRAME, number=1), self.render(IP_FRAME, number=2)
        self.assertNotEqual(a[34:36], b[34:36])
        self.assertEqual(a[36:38], struct.pack(">H", 44818))

    def test_two_replay_copies_get_distinct_addresses(self):
        alloc = mc.Allocator(1)
        t = mc.build_template(IP_FRAME, len(IP_FRAME), 0)
        outs = {mc.render(t, mc.Replay(mc.ReplayMap(alloc, "x"), 1))[:34] for _ in range(1000)}
        self.assertEqual(len(outs), 1000)

    def test_broadcast_and_multicast_stay(self):
        frame = b"\xff" * 6 + IP_FRAME[6:30] + b"\xff\xff\xff\xff" + IP_FRAME[34:]
        out = self.render(frame)
        self.assertEqual((out[0:6], out[30:34]), (b"\xff" * 6, b"\xff" * 4))

    def test_loopback_to_itself_becomes_two_devices(self):
        ip = udp_over_ipv4(b"\x7f\0\0\1", b"\x7f\0\0\1", 4840, 51000, b"x")
        eth, _ = mc.to_ethernet(mc.RawFrame(0, 0, struct.pack("<I", 2) + ip, 4 + len(ip)))
        out = self.render(eth)
        self.assertNotEqual(out[0:6], out[6:12])
        self.assertNotEqual(out[26:30], out[30:34])

    def test_list_identity_sockaddr_follows_the_device_address(self):
        item = struct.pack("<HHH", 0x0C, 34, 1) + struct.pack(">HH4s8s", 2, 44818, b"\xc0\xa8\x0a\x05", b"\0" * 8)
        item += b"\0" * 14
        enc = struct.pack("<HHII8sI", 0x63, 2 + len(item), 0, 0, b"\0" * 8, 0) + struct.pack("<H", 1) + item
        frame = ETH + udp_over_ipv4(b"\xc0\xa8\x0a\x05", b"\xc0\xa8\x0a\x06", 44818, 50123, enc)
        out = self.render(frame)
        self.assertEqual(out[26:30], out[42 + 36:42 + 40])
        self.assertEqual(l4_valid(out), (True, True))


class ShareTest(unittest.TestCase):
    def test_weighted_schedule_follows_the_mix(self):
        t = mc.build_template(IP_FRAME, len(IP_FRAME), 0)
        big = mc.Source("a", "modbus", [t] * 100)
        small = mc.Source("b", "s7", [t] * 3)
        mc.assign_shares([big, small], {"modbus": 0.75, "s7": 0.25})
        for _ in range(2000):
            s = mc.next_source([big, small])
            s.scheduled += s.frames
        self.assertAlmostEqual(big.scheduled / (big.scheduled + small.scheduled), 0.75, delta=0.01)


if __name__ == "__main__":
    unittest.main()
