/**
 * One version model for firmware as devices report it and ranges as advisories write them.
 *
 * <ul>
 *   <li>{@link io.fieldprint.advisories.version.FirmwareVersion#parse} and {@link
 *       io.fieldprint.advisories.version.VersionRange#parse} return {@code Parsed}: a value or a
 *       reason. They never throw and never guess: a form with no single reading ({@code 16 <= 20},
 *       dates, serial-number prefixes, component-qualified bounds, opaque build ids) is rejected
 *       with a reason so it can be curated.
 *   <li>{@link io.fieldprint.advisories.version.VersionRange#contains} returns a tri-state {@link
 *       io.fieldprint.advisories.version.VersionComparison} with a reason. It is {@code UNKNOWN}
 *       when the versions cannot be ordered (a Cisco IOS train against a dotted bound, two
 *       different trains, text that is not a version) and when precision decides the answer: a
 *       device reporting fewer segments than a bound it shares a prefix with ({@code 4.3} vs {@code
 *       < 4.3.2}), or more segments than a {@code <=}, {@code >}, {@code =} or {@code !=} bound it
 *       shares a prefix with ({@code 32.011} vs {@code <= 32}: the advisory may mean the whole 32
 *       line). Trailing zero segments never matter ({@code 4.3} = {@code 4.3.0}).
 *   <li>Missing service pack, update, hotfix, patch and build numbers count as 0, so a device
 *       reporting {@code V5.2} is below {@code V5.2 SP3}.
 *   <li>Constraint lists are evaluated with the vers algorithm in the order written; they are not
 *       re-sorted.
 *   <li>A hyphen between two versions with as many segments, the first lower ({@code
 *       12.0.1-12.0.13}, {@code 28 - 32}), is a range; any other hyphen is part of a version
 *       ({@code 2.03-00}, {@code 1-02-08}).
 * </ul>
 */
package io.fieldprint.advisories.version;
