package io.fieldprint.protocols.passive;

import io.fieldprint.protocols.cleartext.Ftp;
import io.fieldprint.protocols.cleartext.Http;
import io.fieldprint.protocols.cleartext.Telnet;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.enip.EtherNetIpTcp;
import io.fieldprint.protocols.enip.EtherNetIpUdp;
import io.fieldprint.protocols.lldp.LldpDecoder;
import io.fieldprint.protocols.modbus.ModbusTcp;
import io.fieldprint.protocols.opcua.OpcUaTcpProtocol;
import io.fieldprint.protocols.pnio.PnioCmDecoder;
import io.fieldprint.protocols.profinet.ProfinetDcpDecoder;
import io.fieldprint.protocols.s7.S7CommTcp;
import io.fieldprint.protocols.snmp.SnmpDecoder;
import java.util.List;

/** The decoders fieldprint ships. */
public final class StandardDecoders {
  private StandardDecoders() {}

  /**
   * Every shipped decoder, as new instances: decoders may keep per-run state (such as which
   * findings they already reported), so each run takes its own set.
   */
  public static DecoderSet create() {
    return new DecoderSet(
        List.of(
            new ModbusTcp(),
            new EtherNetIpTcp(),
            new S7CommTcp(),
            new OpcUaTcpProtocol(),
            new Telnet(),
            new Ftp(),
            new Http()),
        List.of(new EtherNetIpUdp(), new SnmpDecoder(), new PnioCmDecoder()),
        List.of(new ProfinetDcpDecoder(), new LldpDecoder()));
  }
}
