/**
 * CycloneDX 1.6 JSON documents of devices, their firmware and the vulnerabilities matched to them
 * with VEX analysis. {@link io.fieldprint.collector.export.cyclonedx.CycloneDxWriter} and its
 * records use only the JDK and Jackson (no Vert.x, no storage), so the agent's report can reuse
 * them; {@link io.fieldprint.collector.export.cyclonedx.SiteCycloneDx} feeds them from the
 * collector's stores.
 */
package io.fieldprint.collector.export.cyclonedx;
