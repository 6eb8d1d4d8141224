// Where the bodies of messages over small_capacity bytes live.
//
// A body is nearly always freed by another thread than the one that made it:
// the application's sent message by the I/O thread once written, a received
// one by the application. glibc's malloc takes the owning arena's lock for
// each such free and for each refill of the allocating thread's cache; at
// 64 B over tcp that was a third of the I/O thread's time. mimalloc returns
// a block to a foreign heap with one atomic push, so bodies come from its
// prefixed API (mi_malloc/mi_free: the process's own malloc is untouched).
// Sanitizer builds (ZMX_BODIES_FROM_MALLOC) use malloc, which ASan and TSan
// see into.
#pragma once

#include <cstddef>

namespace zmx {

// Null when out of memory.
void* allocate_body(size_t size);
void free_body(void* body);

} // namespace zmx
