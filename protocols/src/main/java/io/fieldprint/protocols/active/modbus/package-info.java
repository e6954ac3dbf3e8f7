/**
 * Active Modbus/TCP identification: {@link io.fieldprint.protocols.active.modbus.ModbusProbe} sends
 * the gate's exact frames (FC 43/14 and FC 17 only) over one plain TCP connection per device and
 * turns the answers into observations.
 */
package io.fieldprint.protocols.active.modbus;
