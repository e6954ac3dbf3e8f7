package io.fieldprint.protocols.profinet;

import java.util.List;

/**
 * A decoded DCP PDU: header, blocks, and what was wrong with the framing (blocks that were cut off
 * or over-claimed are dropped and reported here; the rest is still usable).
 */
public record DcpPdu(DcpHeader header, List<DcpBlock> blocks, List<String> problems) {}
