package io.fieldprint.protocols.active;

/** One request a probe wants to send; the gate decides whether it may leave the process. */
public sealed interface ScanRequest permits ModbusRequest, OpcUaServiceRequest {

  ScanProtocol protocol();

  /** What the audit log and dry run show: Modbus PDU bytes in hex, or the OPC UA service name. */
  String auditText();
}
