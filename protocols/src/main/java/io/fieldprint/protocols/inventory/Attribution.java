package io.fieldprint.protocols.inventory;

import io.fieldprint.protocols.model.Authority;

/**
 * Where one identity field of an asset came from.
 *
 * @param source the evidence source id ({@code s7comm.szl-module-identification})
 * @param origin where it was seen ({@code file.pcap#frame=12})
 * @param authority how far it can be trusted
 */
public record Attribution(String source, String origin, Authority authority) {}
