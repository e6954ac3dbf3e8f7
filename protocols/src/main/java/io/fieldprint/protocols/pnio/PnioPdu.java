package io.fieldprint.protocols.pnio;

import java.util.List;

/**
 * One PN-IO datagram cut into header and body.
 *
 * @param header the connectionless header
 * @param pnioInterface the PN-IO interface called
 * @param bodyStart absolute offset of the body (the NDR data), also the base of PN-IO alignment
 * @param bodyEnd end of the body actually present
 * @param complete whether the body holds the call's whole arguments (not fragmented, not cut)
 * @param problems what was wrong with the header or body length
 */
record PnioPdu(
    DceRpcClHeader header,
    PnioInterface pnioInterface,
    int bodyStart,
    int bodyEnd,
    boolean complete,
    List<String> problems) {}
