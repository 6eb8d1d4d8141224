// ubufs: the byte buffers the xio API moves, each with a list of attached
// control ubufs (a tree: a control ubuf may carry controls of its own).
//
// Every live ubuf is in a registry, so a pointer the caller made up, or one
// already freed, is refused with EINVAL instead of being dereferenced.
//
// Threading: the registry is shared by all threads; one ubuf is used by
// one thread at a time (whoever holds it).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace zmx::xio {

inline constexpr size_t max_controls = 16;

struct ubuf {
    int size = 0;
    ubuf* parent = nullptr;          // the ubuf this one is attached to
    std::vector<ubuf*> controls;     // attached control ubufs, in order

    char* data();
    std::string_view bytes() { return {data(), static_cast<size_t>(size)}; }
};

// A new registered ubuf, or nullptr with EINVAL (negative size) or ENOMEM.
ubuf* ubuf_alloc(int size);
// A new ubuf holding a copy of bytes, or nullptr with ENOMEM.
ubuf* ubuf_from(std::string_view bytes);
// The live ubuf whose data is p, or nullptr with EINVAL.
ubuf* ubuf_find(const char* p);
// Unregisters and frees u with its controls; detaches it from its parent.
void ubuf_free(ubuf* u);

// Control list operations (uctl): 0, or -1 with errno.
// Attaches c at the end: EINVAL if c is attached already or is u or one of
// its ancestors, EFBIG past max_controls.
int ubuf_attach(ubuf* u, ubuf* c);
// Detaches c from u: ENOENT if it is not attached to u.
int ubuf_detach(ubuf* u, ubuf* c);
// Attaches deep copies of u's controls to to (EFBIG when they do not fit).
int ubuf_copy_controls(ubuf* u, ubuf* to);
// Moves u's controls to to (EFBIG when they do not fit).
int ubuf_move_controls(ubuf* u, ubuf* to);

} // namespace zmx::xio
