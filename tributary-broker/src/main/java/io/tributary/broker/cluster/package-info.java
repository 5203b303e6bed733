/**
 * Who this broker is: {@link io.tributary.broker.cluster.ClusterIdentity} generates the cluster id on
 * first start, persists it in the data directory and checks it on every later start.
 */
@NullMarked
package io.tributary.broker.cluster;

import org.jspecify.annotations.NullMarked;
