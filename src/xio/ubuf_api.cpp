// C entry points of <xio/cmsghdr.h>: ubuf allocation and uctl.
#include "xio/ubuf.hpp"

#include "base/error.hpp"

#include <xio/cmsghdr.h>

#include <algorithm>

using namespace zmx;
using namespace zmx::xio;

namespace {

// The control ubuf optval names, or nullptr with EINVAL.
ubuf* control_arg(void* optval) { return ubuf_find(static_cast<const char*>(optval)); }

int control_count(ubuf* u, void* optval) {
    *static_cast<int*>(optval) = static_cast<int>(u->controls.size());
    return 0;
}

int control_at_end(ubuf* u, void* optval, bool first) {
    if (u->controls.empty())
        return fail(ENOENT);
    *static_cast<char**>(optval) = (first ? u->controls.front() : u->controls.back())->data();
    return 0;
}

int control_after(ubuf* u, void* optval) {
    auto** cursor = static_cast<char**>(optval);
    ubuf* current = ubuf_find(*cursor);
    if (!current || current->parent != u)
        return fail(EINVAL);
    auto it = std::find(u->controls.begin(), u->controls.end(), current);
    if (++it == u->controls.end())
        return fail(ENOENT);
    *cursor = (*it)->data();
    return 0;
}

} // namespace

extern "C" {

char* ualloc(int size) {
    ubuf* u = ubuf_alloc(size);
    return u ? u->data() : nullptr;
}

void ufree(char* p) {
    if (ubuf* u = ubuf_find(p))
        ubuf_free(u);
}

int usize(char* p) {
    ubuf* u = ubuf_find(p);
    return u ? u->size : -1;
}

char* xallocubuf(int size) { return ualloc(size); }
void xfreeubuf(void* p) { ufree(static_cast<char*>(p)); }
int xubuflen(void* p) { return usize(static_cast<char*>(p)); }

int uctl(char* p, int opt, void* optval) {
    ubuf* u = ubuf_find(p);
    if (!u)
        return -1;
    if (!optval)
        return fail(EINVAL);
    switch (opt) {
    case SNUM:
        return control_count(u, optval);
    case SFIRST:
        return control_at_end(u, optval, true);
    case SLAST:
        return control_at_end(u, optval, false);
    case SNEXT:
        return control_after(u, optval);
    default:
        break;
    }
    ubuf* other = control_arg(optval);
    if (!other)
        return -1;
    switch (opt) {
    case SADD:
        return ubuf_attach(u, other);
    case SRM:
        return ubuf_detach(u, other);
    case SSWITCH:
        return ubuf_move_controls(u, other);
    case SCOPY:
        return ubuf_copy_controls(u, other);
    default:
        return fail(EINVAL);
    }
}

} // extern "C"
