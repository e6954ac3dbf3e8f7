#!/usr/bin/env python3
"""An independent Modbus/TCP server (Debian's python3-pymodbus 3.0) with a device identity, for the
fieldprint interop tests.

Usage: server.py [PORT]   (default 0: the system picks a free port)
Prints "fieldprint-interop ready PORT" on stdout once it listens, then serves until stdin closes
or SIGTERM (so a killed test run leaves no server behind).

pymodbus 3.0 quirks this relies on: the device identity lives in one process-wide control block
(ModbusControlBlock), so every unit id answers with the same identity; the FC 43/14 conformity
level is always 0x83; FC 17 answers with the context's `reportSlaveIdData` when set (else the
identity values joined by '-') followed by run indicator 0xFF.
"""
import asyncio
import sys

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext
from pymodbus.device import ModbusDeviceIdentification
from pymodbus.server.async_io import ModbusTcpServer

IDENTITY = {
    "VendorName": "Interop Automation",
    "ProductCode": "IA-MB-200",
    "MajorMinorRevision": "2.7.1",
    "VendorUrl": "https://interop.example",
    "ProductName": "IA Modbus Gateway",
    "ModelName": "MB-200",
    "UserApplicationName": "line 4 pumps",
}
SERVER_ID = b"IA-MB-200 fw 2.7.1"


async def main(port):
    slave = ModbusSlaveContext()
    slave.reportSlaveIdData = SERVER_ID
    context = ModbusServerContext(slaves=slave, single=True)
    identity = ModbusDeviceIdentification(info_name=IDENTITY)
    server = ModbusTcpServer(context, identity=identity, address=("127.0.0.1", port))
    serving = asyncio.create_task(server.serve_forever())
    await server.serving
    bound = server.server.sockets[0].getsockname()[1]
    print(f"fieldprint-interop ready {bound}", flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    serving.cancel()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
