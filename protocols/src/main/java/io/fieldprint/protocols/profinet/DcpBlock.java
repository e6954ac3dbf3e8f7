package io.fieldprint.protocols.profinet;

/**
 * One DCP block: Option u8, Suboption u8, DCPBlockLength u16, then (by PDU kind) BlockInfo u16 or
 * BlockQualifier u16, then the value; blocks are padded to an even length.
 *
 * @param option Option u8 (1 IP, 2 Device properties, 3 DHCP, 5 Control, 6 Device initiative, 0xFF
 *     All selector, 0x80-0xFE manufacturer specific)
 * @param suboption Suboption u8
 * @param blockLength DCPBlockLength u16 as sent (includes BlockInfo/BlockQualifier)
 * @param prefix the BlockInfo or BlockQualifier u16, or -1 when the PDU kind has none
 * @param valueOffset absolute offset of the value in the frame buffer
 * @param valueLength bytes of value (block length less the prefix)
 */
public record DcpBlock(
    int option, int suboption, int blockLength, int prefix, int valueOffset, int valueLength) {

  /** "option/suboption", e.g. "2/2" for NameOfStation. */
  public String key() {
    return option + "/" + suboption;
  }
}
