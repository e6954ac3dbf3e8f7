/**
 * The safety envelope for active scanning: targets, the read-only request allowlist ({@link
 * io.fieldprint.protocols.active.RequestPolicy}), the single outbound choke point ({@link
 * io.fieldprint.protocols.active.OutboundGate}), limits, the audit log and dry-run rendering. Every
 * probe asks the gate before a request leaves the process.
 */
package io.fieldprint.protocols.active;
