package io.fieldprint.collector.export.cyclonedx;

import java.util.List;
import java.util.Optional;

/**
 * A device as a CycloneDX component of type {@code device} with its firmware nested as a component
 * of type {@code firmware}.
 *
 * @param ref the device's bom-ref, unique in the document; the firmware's is {@link #firmwareRef}
 * @param assetId the inventory's asset id
 * @param name the device's own name (station or host name)
 * @param model the order number ({@code 6ES7 516-3AN01-0AB0})
 * @param hardware the hardware revision, written as the component version
 */
public record BomDevice(
    String ref,
    String assetId,
    Optional<String> name,
    Optional<String> vendor,
    Optional<String> product,
    Optional<String> model,
    Optional<String> firmware,
    Optional<String> hardware,
    Optional<String> serial,
    String role,
    List<String> ip,
    List<String> mac,
    List<String> protocols) {
  public BomDevice {
    ip = List.copyOf(ip);
    mac = List.copyOf(mac);
    protocols = List.copyOf(protocols);
  }

  /** The bom-ref of the device's firmware component: the device's with {@code :firmware}. */
  public String firmwareRef() {
    return firmwareRef(ref);
  }

  public static String firmwareRef(String deviceRef) {
    return deviceRef + ":firmware";
  }

  /** The component name: product, else order number, else the device's name, else its id. */
  public String componentName() {
    return product.or(() -> model).or(() -> name).orElse(assetId);
  }
}
