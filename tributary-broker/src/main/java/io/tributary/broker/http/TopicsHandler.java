package io.tributary.broker.http;

import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.topic.Topic;
import io.tributary.broker.topic.TopicConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topic endpoints: {@code GET /topics} lists them, {@code POST /topics} creates one, and
 * {@code GET}, {@code PATCH} and {@code DELETE /topics/{topic}} describe, alter and delete one. Settings
 * use the keys of {@link TopicConfig} ({@code durability}, {@code retention-age}, ...), as the CLI does.
 */
final class TopicsHandler {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "partitions", "config");
    private static final Set<String> ALTER_FIELDS = Set.of("config");

    private final BrokerService service;

    TopicsHandler(BrokerService service) {
        this.service = service;
    }

    /** One topic in the list. */
    record TopicSummary(String name, int partitions) {
    }

    /** The list. */
    record TopicList(List<TopicSummary> topics) {
    }

    /** One partition's offsets and size. */
    record PartitionView(int partition, long logStartOffset, long endOffset, long committedEndOffset, long sizeBytes) {
    }

    /** A topic: its settings (all of them, {@code auto-created} included) and its partitions now. */
    record TopicView(String name, int partitions, Map<String, String> config, List<PartitionView> partitionStates) {
    }

    Response list(Request request) {
        List<TopicSummary> topics = service.topics().stream()
                .map(topic -> new TopicSummary(topic.name().value(), topic.partitions().size()))
                .toList();
        return Response.ok(new TopicList(topics));
    }

    /** Creates a topic; without {@code partitions} it gets {@code tributary.broker.auto-create-partitions}. */
    Response create(Request request) throws Exception {
        JsonObject body = request.jsonObject().onlyFields(CREATE_FIELDS);
        String name = body.requiredText("name");
        Integer partitions = body.integer("partitions");
        Map<String, String> settings = body.textMap("config");
        Topic topic = service.createTopic(name, partitions == null ? service.config().autoCreatePartitions() : partitions,
                settings);
        return Response.json(201, view(topic)).withHeader("Location", "/topics/" + topic.name().value());
    }

    Response describe(Request request) {
        return Response.ok(view(service.require(request.pathParameter("topic"))));
    }

    Response alter(Request request) throws Exception {
        String name = request.pathParameter("topic");
        JsonObject body = request.jsonObject().onlyFields(ALTER_FIELDS);
        if (body.get("config") == null) {
            throw ApiException.badRequest("'config' is required: the settings to change, e.g. {\"config\":{\"retention-age\":\"7d\"}}");
        }
        return Response.ok(view(service.alterTopic(name, body.textMap("config"))));
    }

    Response delete(Request request) {
        service.deleteTopic(request.pathParameter("topic"));
        return Response.noContent();
    }

    private static TopicView view(Topic topic) {
        List<PartitionView> partitions = new ArrayList<>(topic.partitions().size());
        for (int number = 0; number < topic.partitions().size(); number++) {
            PartitionState state = topic.partition(number).state();
            partitions.add(new PartitionView(number, state.logStartOffset(), state.endOffset(), state.committedEndOffset(),
                    state.sizeInBytes()));
        }
        return new TopicView(topic.name().value(), topic.partitions().size(), topic.config().toMap(), partitions);
    }
}
