package io.tributary.broker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.ClusterIdMismatchException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterIdentityTest {

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();

    @Test
    void firstStart_generatesAnIdAndLaterStartsKeepIt() {
        ClusterIdentity first = ClusterIdentity.loadOrCreate(data, Optional.empty(), random);
        ClusterIdentity second = ClusterIdentity.loadOrCreate(data, Optional.empty(), random);

        assertThat(first.clusterId()).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void firstStart_withAGivenId_usesIt() {
        assertThat(ClusterIdentity.loadOrCreate(data, Optional.of("prod-eu"), random).clusterId()).isEqualTo("prod-eu");
        assertThat(ClusterIdentity.loadOrCreate(data, Optional.of("prod-eu"), random).clusterId()).isEqualTo("prod-eu");
    }

    @Test
    void laterStart_withAnotherId_isAMismatchThatNamesBoth() {
        ClusterIdentity.loadOrCreate(data, Optional.of("prod-eu"), random);

        assertThatThrownBy(() -> ClusterIdentity.loadOrCreate(data, Optional.of("prod-us"), random))
                .isInstanceOf(ClusterIdMismatchException.class)
                .hasMessageContaining("belongs to cluster prod-eu, not prod-us");
    }

    @Test
    void invalidId_isRefused() {
        assertThatThrownBy(() -> ClusterIdentity.loadOrCreate(data, Optional.of("no spaces"), random))
                .hasMessageContaining("cluster id 'no spaces' is invalid");
    }
}
