/**
 * The storage seam: every byte the log reads or writes goes through {@link
 * io.tributary.log.storage.Storage} and {@link io.tributary.log.storage.StorageFile}. Production uses
 * {@link io.tributary.log.storage.Storage#fileSystem()}; tests use an implementation that keeps written
 * but unforced bytes apart and can "crash", dropping or tearing them, which {@code kill -9} alone
 * never does to the page cache.
 */
@NullMarked
package io.tributary.log.storage;

import org.jspecify.annotations.NullMarked;
