package io.tributary.cli.group;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.TopicPartition;
import io.tributary.cli.JsonLine;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupSummary;
import io.tributary.group.MemberDescription;
import io.tributary.group.PartitionProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the {@code group} commands print. A partition is written {@code topic/partition}, like event positions
 * ({@code topic/partition@offset}); a committed offset the group never stored is {@code -} in text and
 * {@code null} in JSON. In text every field is one word: a client id's spaces are written {@code _}.
 * Stateless.
 */
final class GroupLines {

    private GroupLines() {
    }

    /** {@code group state members=N generation=G}. */
    static String text(GroupSummary group) {
        return group.group() + " " + state(group.state()) + " members=" + group.members() + " generation="
                + group.generation();
    }

    static String json(GroupSummary group) {
        ObjectNode object = JsonLine.object();
        object.put("group", group.group());
        object.put("state", state(group.state()));
        object.put("members", group.members());
        object.put("generation", group.generation());
        return JsonLine.of(object);
    }

    /** A header line, the members (id, client id, owned partitions), a table of the partitions, the total lag. */
    static List<String> text(GroupDescription group) {
        List<String> lines = new ArrayList<>();
        lines.add("group " + group.group() + " " + state(group.state()) + " generation " + group.generation() + ", "
                + group.members().size() + " member(s), total lag " + group.lag());
        for (MemberDescription member : group.members()) {
            lines.add("  member " + member.memberId() + " client=" + member.clientId().replace(' ', '_') + " owns="
                    + partitions(member.owned())
                    + (member.target().equals(member.owned()) ? "" : " moving-to=" + partitions(member.target())));
        }
        lines.add(String.format(Locale.ROOT, "  %-28s %-36s %12s %12s %10s", "PARTITION", "OWNER", "COMMITTED", "END",
                "LAG"));
        for (PartitionProgress progress : group.partitions()) {
            lines.add(String.format(Locale.ROOT, "  %-28s %-36s %12s %12d %10d", partition(progress.partition()),
                    progress.owner() == null ? "-" : progress.owner(),
                    progress.committed().isPresent() ? Long.toString(progress.committed().getAsLong()) : "-",
                    progress.endOffset(), progress.lag()));
        }
        return lines;
    }

    static String json(GroupDescription group) {
        ObjectNode object = JsonLine.object();
        object.put("group", group.group());
        object.put("state", state(group.state()));
        object.put("generation", group.generation());
        ArrayNode members = object.putArray("members");
        for (MemberDescription member : group.members()) {
            ObjectNode m = members.addObject();
            m.put("memberId", member.memberId());
            m.put("clientId", member.clientId());
            ArrayNode topics = m.putArray("topics");
            member.topics().forEach(topics::add);
            m.set("owned", partitionArray(member.owned()));
            m.set("target", partitionArray(member.target()));
            m.put("lastHeartbeat", member.lastHeartbeat().toString());
        }
        ArrayNode partitions = object.putArray("partitions");
        for (PartitionProgress progress : group.partitions()) {
            ObjectNode p = partitions.addObject();
            p.put("topic", progress.partition().topic().value());
            p.put("partition", progress.partition().partition());
            p.put("owner", progress.owner());
            if (progress.committed().isPresent()) {
                p.put("committed", progress.committed().getAsLong());
            } else {
                p.putNull("committed");
            }
            p.put("logStartOffset", progress.logStartOffset());
            p.put("endOffset", progress.endOffset());
            p.put("lag", progress.lag());
        }
        object.put("totalLag", group.lag());
        return JsonLine.of(object);
    }

    /** {@code topic/partition offset}: one new committed offset of {@code group reset}. */
    static String text(TopicPartition partition, long offset) {
        return partition(partition) + " " + offset;
    }

    static String json(String group, TopicPartition partition, long offset) {
        ObjectNode object = JsonLine.object();
        object.put("group", group);
        object.put("topic", partition.topic().value());
        object.put("partition", partition.partition());
        object.put("offset", offset);
        return JsonLine.of(object);
    }

    private static String state(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static String partition(TopicPartition partition) {
        return partition.topic().value() + "/" + partition.partition();
    }

    private static String partitions(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return "-";
        }
        return partitions.stream().sorted().map(GroupLines::partition).collect(Collectors.joining(","));
    }

    private static ArrayNode partitionArray(Collection<TopicPartition> partitions) {
        ArrayNode array = JsonLine.object().arrayNode();
        partitions.stream().sorted().map(GroupLines::partition).forEach(array::add);
        return array;
    }
}
