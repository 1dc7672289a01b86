// libyaml alone: re-emits a parsed event stream, so the benchmark can print how far Fanout's
// YAML rendering is from the emitter it is built on.
#include "LibYAMLFloor.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct floor_stream {
    yaml_event_t *events;
    size_t count;
};

floor_stream *floor_parse(const char *text, size_t length) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return NULL;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, length);
    floor_stream *stream = calloc(1, sizeof *stream);
    size_t capacity = 0;
    int done = 0;
    while (stream && !done) {
        if (stream->count == capacity) {
            capacity = capacity ? capacity * 2 : 1024;
            yaml_event_t *grown = realloc(stream->events, capacity * sizeof *grown);
            if (!grown) { floor_free(stream); stream = NULL; break; }
            stream->events = grown;
        }
        yaml_event_t *event = &stream->events[stream->count];
        if (!yaml_parser_parse(&parser, event)) { floor_free(stream); stream = NULL; break; }
        stream->count++;
        done = event->type == YAML_STREAM_END_EVENT;
    }
    yaml_parser_delete(&parser);
    return stream;
}

size_t floor_event_count(const floor_stream *stream) { return stream->count; }

typedef struct {
    char *bytes;
    size_t length, capacity;
} buffer;

static int append(void *data, unsigned char *bytes, size_t size) {
    buffer *out = data;
    if (out->length + size > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 65536;
        while (capacity < out->length + size) capacity *= 2;
        char *grown = realloc(out->bytes, capacity);
        if (!grown) return 0;
        out->bytes = grown;
        out->capacity = capacity;
    }
    memcpy(out->bytes + out->length, bytes, size);
    out->length += size;
    return 1;
}

/// A fresh event with the contents of `source`, as a writer builds it before handing it over.
static int initialize(yaml_event_t *event, const yaml_event_t *source) {
    switch (source->type) {
    case YAML_STREAM_START_EVENT:
        return yaml_stream_start_event_initialize(event, YAML_UTF8_ENCODING);
    case YAML_STREAM_END_EVENT:
        return yaml_stream_end_event_initialize(event);
    case YAML_DOCUMENT_START_EVENT:
        return yaml_document_start_event_initialize(event, NULL, NULL, NULL, source->data.document_start.implicit);
    case YAML_DOCUMENT_END_EVENT:
        return yaml_document_end_event_initialize(event, source->data.document_end.implicit);
    case YAML_ALIAS_EVENT:
        return yaml_alias_event_initialize(event, source->data.alias.anchor);
    case YAML_SCALAR_EVENT:
        return yaml_scalar_event_initialize(
            event, source->data.scalar.anchor, source->data.scalar.tag, source->data.scalar.value,
            (int)source->data.scalar.length, source->data.scalar.plain_implicit,
            source->data.scalar.quoted_implicit, source->data.scalar.style);
    case YAML_SEQUENCE_START_EVENT:
        return yaml_sequence_start_event_initialize(
            event, source->data.sequence_start.anchor, source->data.sequence_start.tag,
            source->data.sequence_start.implicit, source->data.sequence_start.style);
    case YAML_SEQUENCE_END_EVENT:
        return yaml_sequence_end_event_initialize(event);
    case YAML_MAPPING_START_EVENT:
        return yaml_mapping_start_event_initialize(
            event, source->data.mapping_start.anchor, source->data.mapping_start.tag,
            source->data.mapping_start.implicit, source->data.mapping_start.style);
    case YAML_MAPPING_END_EVENT:
        return yaml_mapping_end_event_initialize(event);
    default:
        return 0;
    }
}

long floor_emit(const floor_stream *stream, char **copy) {
    yaml_emitter_t emitter;
    if (!yaml_emitter_initialize(&emitter)) return -1;
    // The settings of Fanout's Emitter (Sources/YAML/Emitter.swift).
    yaml_emitter_set_indent(&emitter, 2);
    yaml_emitter_set_width(&emitter, -1);
    yaml_emitter_set_unicode(&emitter, 1);
    yaml_emitter_set_break(&emitter, YAML_LN_BREAK);
    buffer out = {NULL, 0, 0};
    yaml_emitter_set_output(&emitter, append, &out);
    long written = 0;
    for (size_t index = 0; index < stream->count; index++) {
        yaml_event_t event;
        if (!initialize(&event, &stream->events[index]) || !yaml_emitter_emit(&emitter, &event)) {
            written = -1;
            break;
        }
    }
    yaml_emitter_delete(&emitter);
    if (written == 0) written = (long)out.length;
    if (copy && written >= 0) *copy = out.bytes; else free(out.bytes);
    return written;
}

void floor_free(floor_stream *stream) {
    if (!stream) return;
    for (size_t index = 0; index < stream->count; index++) yaml_event_delete(&stream->events[index]);
    free(stream->events);
    free(stream);
}
