package io.fieldprint.protocols.lldp;

import java.util.List;
import java.util.Map;

/**
 * A decoded LLDPDU.
 *
 * @param chassisId Chassis ID TLV, or {@code null} when missing
 * @param portId Port ID TLV, or {@code null}
 * @param ttl Time To Live seconds, or -1
 * @param portDescription Port Description, or {@code null}
 * @param systemName System Name, or {@code null}
 * @param systemDescription System Description, or {@code null}
 * @param capabilities System Capabilities, or {@code null}
 * @param managementAddresses Management Address TLVs in order
 * @param inventory LLDP-MED inventory values by name (hardwareRevision, firmwareRevision,
 *     softwareRevision, serialNumber, manufacturer, model, assetId)
 * @param organizationSpecific decoded organisationally specific TLVs (802.1, 802.3, LLDP-MED,
 *     PROFINET; unknown OUIs as hex)
 * @param problems what was malformed
 */
public record LldpDu(
    LldpId chassisId,
    LldpId portId,
    int ttl,
    String portDescription,
    String systemName,
    String systemDescription,
    SystemCapabilities capabilities,
    List<ManagementAddress> managementAddresses,
    Map<String, String> inventory,
    List<Map<String, Object>> organizationSpecific,
    List<String> problems) {}
