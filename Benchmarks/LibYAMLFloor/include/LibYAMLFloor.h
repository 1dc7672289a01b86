#ifndef FANOUT_LIBYAML_FLOOR_H
#define FANOUT_LIBYAML_FLOOR_H

#include <stddef.h>

/// The events of a YAML text, parsed once by libyaml and kept so that they can be emitted
/// again and again: the floor any YAML writer built on libyaml can reach.
typedef struct floor_stream floor_stream;

/// Parses `length` bytes of YAML; NULL when libyaml refuses them or memory runs out.
floor_stream *floor_parse(const char *text, size_t length);

/// How many events the stream holds.
size_t floor_event_count(const floor_stream *stream);

/// Emits the stream through libyaml alone (event initialisation and emission, into memory),
/// with the settings of Fanout's emitter. Returns the number of bytes written, or -1.
/// When `copy` is not NULL it receives the text (malloc'd; the caller frees it).
long floor_emit(const floor_stream *stream, char **copy);

void floor_free(floor_stream *stream);

#endif
