// An independent OPC UA server (node-opcua) configured as a device would be, for the fieldprint
// interop tests. Usage: node server.js PORT PKI_DIR [anonymous|no-anonymous]
// Prints "fieldprint-interop ready PORT" on stdout once it listens; stops on SIGTERM or when
// stdin closes (so a killed test run leaves no server behind).
"use strict";
const path = require("path");
const {
  OPCUAServer,
  OPCUACertificateManager,
  MessageSecurityMode,
  SecurityPolicy,
  nodesets,
  DataType,
} = require("node-opcua");

const port = Number(process.argv[2]);
const pkiDir = process.argv[3];
const anonymous = (process.argv[4] || "anonymous") === "anonymous";
if (!Number.isInteger(port) || port <= 0 || !pkiDir) {
  console.error("usage: node server.js PORT PKI_DIR [anonymous|no-anonymous]");
  process.exit(2);
}

const IDENTITY = {
  productName: "Interop Test PLC",
  productUri: "urn:fieldprint:interop:node-opcua:plc",
  manufacturerName: "Interop Automation",
  softwareVersion: "4.2.1",
  buildNumber: "4711",
  buildDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
};

const DEVICE = {
  Manufacturer: "Interop Automation",
  Model: "IA-PLC 300",
  ProductCode: "IA-300-CPU",
  SerialNumber: "SN-000042",
  HardwareRevision: "HW 3",
  SoftwareRevision: "4.2.1",
  DeviceRevision: "R7",
};

function addDevice(server) {
  const addressSpace = server.engine.addressSpace;
  const di = addressSpace.getNamespaceIndex("http://opcfoundation.org/UA/DI/");
  const deviceType = addressSpace.findObjectType("DeviceType", di);
  const deviceSet = addressSpace.rootFolder.objects.getFolderElementByName("DeviceSet");
  const own = addressSpace.getOwnNamespace();
  const plc = own.addObject({
    browseName: "InteropPlc",
    typeDefinition: deviceType,
    organizedBy: deviceSet,
  });
  for (const [name, value] of Object.entries(DEVICE)) {
    own.addVariable({
      browseName: { name, namespaceIndex: di },
      propertyOf: plc,
      dataType: "String",
      value: { dataType: DataType.String, value },
    });
  }
}

async function main() {
  const serverCertificateManager = new OPCUACertificateManager({
    automaticallyAcceptUnknownCertificate: true,
    rootFolder: path.join(pkiDir, "server"),
  });
  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    alternateHostname: ["127.0.0.1"],
    nodeset_filename: [nodesets.standard, nodesets.di],
    serverCertificateManager,
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    allowAnonymous: anonymous,
    buildInfo: IDENTITY,
    serverInfo: {
      applicationUri: "urn:fieldprint:interop:node-opcua",
      productUri: IDENTITY.productUri,
      applicationName: { text: "Interop Test PLC", locale: "en" },
    },
  });
  await server.initialize();
  addDevice(server);
  await server.start();
  process.stdout.write(`fieldprint-interop ready ${port}\n`);
  const stop = async () => {
    await server.shutdown(0);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}

main().catch((e) => {
  console.error("node-opcua server failed: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
