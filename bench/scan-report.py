#!/usr/bin/env python3
"""Reads what bench/scan left in its output directory and prints a Markdown block.

  bench/scan-report.py bench/out/scan

Inputs: devices.json (targets and simulated identities), counters-scan.json and
counters-nmap-*.json (server-side counters per device and phase), inventory.json (the scan's
output), nmap-*.xml, *.time (GNU time -v), *.exit. Standard library only.
"""
import json
import os
import platform
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

MIN_GAP_MS = 250.0
BUDGET = {"modbus": 6, "opcua": 25}


def load(path):
    with open(path) as f:
        return json.load(f)


def wall_seconds(time_file):
    try:
        for line in open(time_file):
            if "Elapsed (wall clock)" in line:
                parts = line.rsplit(": ", 1)[1].strip().split(":")
                s = 0.0
                for p in parts:
                    s = s * 60 + float(p)
                return s
    except OSError:
        pass
    return None


def rss_mib(time_file):
    try:
        for line in open(time_file):
            if "Maximum resident set size" in line:
                return int(line.rsplit(": ", 1)[1]) // 1024
    except OSError:
        pass
    return None


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    med = statistics.median(values)
    fmt = (lambda v: f"{v:.0f}") if all(float(v).is_integer() for v in values) else (lambda v: f"{v:.1f}")
    return f"{fmt(min(values))} / {fmt(med)} / {fmt(max(values))}"


def assets_by_ip(inventory):
    by_ip = {}
    for a in inventory.get("assets", []):
        for ip in a.get("ip", []):
            by_ip.setdefault(ip, []).append(a)
    return by_ip


def scan_identification(device, assets):
    """(full, basic, server_id): vendor+product+firmware on one asset; vendor+model+firmware; FC 17 text."""
    want = device["identity"]
    full = any(a.get("vendor") == want["vendor"] and a.get("product") == want["product"]
               and a.get("firmware") == want["firmware"] for a in assets)
    basic = any(a.get("vendor") == want["vendor"] and a.get("model") == want["model"]
                and a.get("firmware") == want["firmware"] for a in assets)
    server_id = any(want["serverText"] in s
                    for a in assets for e in a.get("evidence", [])
                    if e.get("source") == "modbus.report-server-id"
                    for s in e.get("fields", {}).get("strings", []))
    return full, basic, server_id


def nmap_results(xml_path):
    """address -> {"device": str|None, "slave": str|None, "sids": int}"""
    results = {}
    try:
        root = ET.parse(xml_path).getroot()
    except (OSError, ET.ParseError):
        return None
    for host in root.iter("host"):
        addr = host.find("address").get("addr")
        r = {"device": None, "slave": None, "sids": 0}
        for script in host.iter("script"):
            if script.get("id") != "modbus-discover":
                continue
            for table in script.findall("table"):
                r["sids"] += 1
                for elem in table.findall("elem"):
                    if elem.get("key") == "Device identification" and r["device"] is None:
                        r["device"] = elem.text
                    if elem.get("key") == "Slave ID data" and r["slave"] is None:
                        r["slave"] = elem.text
        results[addr] = r
    return results


def limits_check(counters):
    rows = []
    by_protocol = {}
    for c in counters:
        by_protocol.setdefault(c["protocol"], []).append(c)
    for protocol, cs in sorted(by_protocol.items()):
        gaps = [c["minGapMs"] for c in cs if c["minGapMs"] is not None]
        checks = [
            ("connections open at once ≤ 1", max(c["maxOpenConnections"] for c in cs),
             sum(c["maxOpenConnections"] > 1 for c in cs)),
            ("requests outstanding at once ≤ 1", max(c["maxOutstanding"] for c in cs),
             sum(c["maxOutstanding"] > 1 for c in cs)),
            (f"least gap between requests ≥ {MIN_GAP_MS:.0f} ms", f"{min(gaps):.1f} ms" if gaps else "-",
             sum(g < MIN_GAP_MS for g in gaps)),
            (f"requests per device ≤ {BUDGET[protocol]}", max(c["requests"] for c in cs),
             sum(c["requests"] > BUDGET[protocol] for c in cs)),
        ]
        for name, worst, violations in checks:
            rows.append(f"| {protocol} | {name} | {worst} | {violations} of {len(cs)} |")
    return rows


def wire_gaps(out, name):
    """protocol -> (least gap in ms between request segments to one device on the wire, pair, count < 250)."""
    pcap = f"{out}/wire-{name}.pcapng"
    if not os.path.exists(pcap):
        return None
    fields = ["frame.time_epoch", "ip.dst", "tcp.dstport", "tcp.len", "opcua.transport.type",
              "opcua.transport.chunk", "mbtcp.trans_id"]
    args = ["tshark", "-r", pcap, "-d", "tcp.port==4840,opcua", "-Y", "tcp.len > 0", "-T", "fields",
            "-E", "separator=,", "-E", "occurrence=f"]
    for f in fields:
        args += ["-e", f]
    try:
        rows = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return None
    seq = {}
    for row in rows:
        t, ip, port, _, typ, chunk, _ = (row.split(",") + [""] * 7)[:7]
        if port == "4840":
            if typ not in ("HEL", "CLO") and not (typ == "MSG" and chunk == "F"):
                continue
            kind = typ
        else:
            kind = "modbus"
        seq.setdefault(("opcua" if port == "4840" else "modbus", ip), []).append((float(t), kind))
    result = {}
    for (protocol, ip), s in seq.items():
        s.sort()
        for a, b in zip(s, s[1:]):
            gap = (b[0] - a[0]) * 1000
            least, pair, under = result.get(protocol, (None, None, 0))
            under += gap < MIN_GAP_MS
            if least is None or gap < least:
                least, pair = gap, f"{a[1]} -> {b[1]}"
            result[protocol] = (least, pair, under)
    return result


def machine():
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(": ", 1)[1].strip()
            break
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = int(line.split()[1]) / 1048576
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{os.cpu_count()} CPUs ({cpu}), {mem:.1f} GiB RAM, {platform.system()} {platform.release()}", java


def read(path, default=""):
    try:
        return open(path).read().strip()
    except OSError:
        return default


RUNS = [
    ("scan", "`fieldprint scan` (defaults)"),
    ("scan-rate100", "`fieldprint scan --rate 100`"),
    ("scan-wide", "same code, 64 concurrent requests, 100 requests/s"),
]


def scan_run(out, name, devices):
    """Metrics of one timed scan run, or None if it did not run."""
    if not os.path.exists(f"{out}/counters-{name}.json"):
        return None
    counters = {c["address"]: c for c in load(f"{out}/counters-{name}.json")["devices"]}
    path = f"{out}/inventory-{name}.json"
    inventory = load(path) if os.path.exists(path) else {"assets": []}
    by_ip = assets_by_ip(inventory)
    firsts = [c["firstNanos"] for c in counters.values() if c["firstNanos"]]
    lasts = [c["lastNanos"] for c in counters.values() if c["lastNanos"]]
    return {
        "counters": counters,
        "by_ip": by_ip,
        "ident": {d["address"]: scan_identification(d, by_ip.get(d["address"], [])) for d in devices},
        "wall": wall_seconds(f"{out}/{name}.time"),
        "rss": rss_mib(f"{out}/{name}.time"),
        "exit": read(f"{out}/{name}.exit", "-"),
        "load": read(f"{out}/load-{name}.txt", "-"),
        "span": (max(lasts) - min(firsts)) / 1e9 if firsts else None,
    }


def per_device_table(run, modbus, opcua, devices):
    c = run["counters"]
    by_ip = run["by_ip"]
    ident = run["ident"]
    rows = ["| per device | Modbus/TCP | OPC UA | all |", "|---|---|---|---|"]
    for label, key in [("connections (min / median / max)", "connections"),
                       ("requests (min / median / max)", "requests")]:
        rows.append(f"| {label} | {spread([c[d['address']][key] for d in modbus])} | "
                    f"{spread([c[d['address']][key] for d in opcua])} | "
                    f"{spread([c[d['address']][key] for d in devices])} |")

    def span(ds):
        return [(c[d["address"]]["lastNanos"] - c[d["address"]]["firstNanos"]) / 1e9
                for d in ds if c[d["address"]]["firstNanos"]]

    rows.append(f"| seconds from first to last request (min / median / max) | {spread(span(modbus))} | "
                f"{spread(span(opcua))} | {spread(span(devices))} |")
    full = lambda ds: sum(ident[d["address"]][0] for d in ds)
    rows.append(f"| identified: vendor + product + firmware equal the simulated identity | "
                f"{full(modbus)} of {len(modbus)} | {full(opcua)} of {len(opcua)} | "
                f"{full(devices)} of {len(devices)} ({100 * full(devices) / len(devices):.1f} %) |")
    count = lambda ds: spread([len(by_ip.get(d["address"], [])) for d in ds])
    rows.append(f"| assets in the inventory (min / median / max) | {count(modbus)} | {count(opcua)} | "
                f"{count(devices)} |")
    return rows


def main(out):
    plant = load(f"{out}/devices.json")
    devices = plant["devices"]
    modbus = [d for d in devices if d["protocol"] == "modbus"]
    opcua = [d for d in devices if d["protocol"] == "opcua"]
    runs = [(name, label, scan_run(out, name, devices)) for name, label in RUNS]
    runs = [(n, l, r) for n, l, r in runs if r]
    lines = []
    p = lines.append
    mach, java = machine()
    version = read(f"{out}/version.txt", "-").splitlines()
    p(f"### `fieldprint scan`, {len(devices)} simulated devices, {datetime.now(timezone.utc):%Y-%m-%d}")
    p(f"- machine: {mach}")
    p(f"- java: {java}; fieldprint: {version[0] if version else '-'}")
    p(f"- plant: {len(modbus)} Modbus/TCP devices (127.1.x.y:502) and {len(opcua)} Eclipse Milo OPC UA "
      f"servers (127.2.x.y:4840) in one JVM; started in {plant['modbusStartMs'] / 1000:.1f} s + "
      f"{plant['opcUaStartMs'] / 1000:.1f} s, heap after start {plant['heapUsedAfterStartMiB']} MiB")
    p("- wall time includes JVM start-up; load average (1/5/15 min) when each run started is shown")
    p("")
    p("| measure | " + " | ".join(l for _, l, _ in runs) + " |")
    p("|---|" + "---|" * len(runs))
    p("| wall time (s) | " + " | ".join(f"{r['wall']:.1f}" if r["wall"] else "-" for *_, r in runs) + " |")
    p("| first to last request seen by the devices (s) | "
      + " | ".join(f"{r['span']:.1f}" if r["span"] else "-" for *_, r in runs) + " |")
    p("| identified (vendor + product + firmware) | " + " | ".join(
        f"{sum(x[0] for x in r['ident'].values())} of {len(devices)}" for *_, r in runs) + " |")
    p("| peak RSS of the scanner (MiB) | " + " | ".join(str(r["rss"]) for *_, r in runs) + " |")
    p("| exit status | " + " | ".join(r["exit"] for *_, r in runs) + " |")
    p("| load average at start | " + " | ".join(r["load"] for *_, r in runs) + " |")
    checks = {}
    for name, label, r in runs:
        for row in limits_check(list(r["counters"].values())):
            cells = row.strip("|").split("|")
            key = (cells[0].strip(), cells[1].strip())
            checks.setdefault(key, []).append(f"{cells[2].strip()} ({cells[3].strip()} over)")
    p("")
    p("Per-device limits, verified from the devices' own (server-side) counters; each cell is the "
      "worst device and how many devices exceeded the limit:")
    p("")
    p("| protocol | limit | " + " | ".join(l for _, l, _ in runs) + " |")
    p("|---|---|" + "---|" * len(runs))
    for (protocol, limit), cells in checks.items():
        p(f"| {protocol} | {limit} | " + " | ".join(cells) + " |")
        if limit.startswith("least gap"):
            wires = [wire_gaps(out, name) for name, _, _ in runs]
            if any(wires):
                p(f"| {protocol} | same, on the wire (dumpcap on lo, kernel timestamps; gaps under the limit) | "
                  + " | ".join(f"{w[protocol][0]:.1f} ms, {w[protocol][1]} ({w[protocol][2]} under)"
                               if w and protocol in w else "-" for w in wires) + " |")
    for name, label, r in runs:
        p("")
        p(f"Per device, {label}:")
        p("")
        lines.extend(per_device_table(r, modbus, opcua, devices))
    if runs and runs[0][0] == "scan":
        nmap_rows = nmap_comparison(out, modbus, runs[0][2]["counters"], runs[0][2]["ident"])
        if nmap_rows:
            p("")
            lines.extend(nmap_rows)
    print("\n".join(lines))


def nmap_comparison(out, modbus, scan_counters, ident):
    n = len(modbus)
    rows = []
    for mode in ("default", "aggressive"):
        xml = f"{out}/nmap-{mode}.xml"
        if not os.path.exists(xml):
            continue
        results = nmap_results(xml) or {}
        cs = {c["address"]: c for c in load(f"{out}/counters-nmap-{mode}.json")["devices"]}
        basic = slave = 0
        for d in modbus:
            want = d["identity"]
            r = results.get(d["address"], {})
            basic += r.get("device") == f"{want['vendor']} {want['model']} {want['firmware']}"
            slave += bool(r.get("slave")) and want["serverText"] in r["slave"]
        rows.append((mode, wall_seconds(f"{out}/nmap-{mode}.time"), cs, basic, slave))
    if not rows:
        return []
    version = read(f"{out}/nmap-{rows[0][0]}.stdout").splitlines()
    version = version[0] if version else "nmap"
    out_rows = [
        f"Against {version.split(' ( ')[0].replace('Starting ', '')}'s `modbus-discover` on the same "
        f"{n} Modbus devices (`nmap -sT -Pn -n -p 502 --script modbus-discover [--script-args "
        f"modbus-discover.aggressive=true] -iL hosts`); counts from the devices' counters, "
        f"identity parsed from nmap's XML output:",
        "",
        "| on the Modbus devices | `fieldprint scan` (defaults) | "
        + " | ".join(f"nmap modbus-discover, {m}" for m, *_ in rows) + " |",
        "|---|---|" + "---|" * len(rows),
    ]
    sc = [scan_counters[d["address"]] for d in modbus]

    def cell(cs, key):
        return spread([cs[d["address"]][key] for d in modbus])

    scan_basic = sum(ident[d["address"]][1] for d in modbus)
    scan_full = sum(ident[d["address"]][0] for d in modbus)
    scan_slave = sum(ident[d["address"]][2] for d in modbus)
    out_rows.append("| wall time (s) | see above | " + " | ".join(
        f"{w:.1f}" if w else "-" for _, w, *_ in rows) + " |")
    out_rows.append("| connections per device (min / median / max) | "
                    + spread([c["connections"] for c in sc]) + " | "
                    + " | ".join(cell(cs, "connections") for _, _, cs, *_ in rows) + " |")
    out_rows.append("| requests per device (min / median / max) | "
                    + spread([c["requests"] for c in sc]) + " | "
                    + " | ".join(cell(cs, "requests") for _, _, cs, *_ in rows) + " |")
    out_rows.append("| most connections open at once / least gap between requests (ms) | "
                    + f"{max(c['maxOpenConnections'] for c in sc)} / "
                    + f"{min((c['minGapMs'] for c in sc if c['minGapMs'] is not None), default=0):.1f} | "
                    + " | ".join(
                        f"{max(c['maxOpenConnections'] for c in cs.values())} / "
                        f"{min((c['minGapMs'] for c in cs.values() if c['minGapMs'] is not None), default=0):.1f}"
                        for _, _, cs, *_ in rows) + " |")
    out_rows.append(f"| vendor + product code + firmware (FC 43 basic objects) | {scan_basic} of {n} | "
                    + " | ".join(f"{b} of {n}" for *_, b, _ in rows) + " |")
    out_rows.append(f"| product name too (FC 43 regular object 0x04) | {scan_full} of {n} | "
                    + " | ".join(f"0 of {n} (never asked)" for _ in rows) + " |")
    out_rows.append(f"| FC 17 server id text | {scan_slave} of {n} | "
                    + " | ".join(f"{s} of {n}" for *_, s in rows) + " |")
    return out_rows


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/scan")
