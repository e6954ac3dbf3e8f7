package io.fieldprint.protocols.profinet;

import java.util.List;
import java.util.Map;

/**
 * What the blocks of one DCP PDU say about a station.
 *
 * @param nameOfStation NameOfStation (2/2), cleaned, or {@code null}
 * @param typeOfStation DeviceVendorValue (2/1), or {@code null}
 * @param vendorId PROFINET VendorID from DeviceID (2/3), or -1
 * @param deviceId DeviceID from 2/3, or -1
 * @param roleBits DeviceRole bits (2/4), or -1
 * @param ip IPv4 address from the IP parameter block (1/2 or 1/3), or {@code null}
 * @param ipSet whether the block says the address is in use (BlockInfo IP set / set by DHCP, or a
 *     Set request assigning it)
 * @param fields all decoded values for the evidence
 * @param problems what was wrong with individual blocks
 */
public record DcpStation(
    String nameOfStation,
    String typeOfStation,
    int vendorId,
    int deviceId,
    int roleBits,
    String ip,
    boolean ipSet,
    Map<String, Object> fields,
    List<String> problems) {}
