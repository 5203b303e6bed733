/**
 * What the broker does, independent of how a request arrived: {@link io.tributary.broker.service.BrokerService}
 * appends, reads and manages topics for both the binary protocol and the HTTP API, and
 * {@link io.tributary.broker.service.Failure} names every failure with the protocol's error code.
 */
@NullMarked
package io.tributary.broker.service;

import org.jspecify.annotations.NullMarked;
