#include "xio/ubuf.hpp"

#include "base/error.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <new>
#include <unordered_set>

namespace zmx::xio {

namespace {

// The header sits in front of the data, padded so the data is as aligned
// as malloc's.
constexpr size_t header_size = (sizeof(ubuf) + alignof(std::max_align_t) - 1) / alignof(std::max_align_t) *
                               alignof(std::max_align_t);

// Sharded by address so threads allocating at once rarely meet.
class registry {
public:
    void add(const ubuf* u) {
        shard& s = shard_of(u);
        std::lock_guard lock(s.mutex);
        s.live.insert(u);
    }
    void remove(const ubuf* u) {
        shard& s = shard_of(u);
        std::lock_guard lock(s.mutex);
        s.live.erase(u);
    }
    bool contains(const ubuf* u) {
        shard& s = shard_of(u);
        std::lock_guard lock(s.mutex);
        return s.live.count(u) != 0;
    }

private:
    struct shard {
        std::mutex mutex;
        std::unordered_set<const ubuf*> live;
    };
    shard& shard_of(const ubuf* u) { return shards_[(reinterpret_cast<uintptr_t>(u) >> 6) % shards_.size()]; }

    std::array<shard, 16> shards_;
};

registry& live_ubufs() {
    static registry* r = new registry;  // never destroyed: ubufs may be freed during exit
    return *r;
}

bool is_ancestor_or_self(const ubuf* candidate, const ubuf* u) {
    for (const ubuf* at = u; at; at = at->parent)
        if (at == candidate)
            return true;
    return false;
}

ubuf* deep_copy(ubuf* u) {
    ubuf* copy = ubuf_from(u->bytes());
    if (!copy)
        return nullptr;
    for (ubuf* c : u->controls) {
        ubuf* child = deep_copy(c);
        if (!child) {
            ubuf_free(copy);
            return nullptr;
        }
        ubuf_attach(copy, child);
    }
    return copy;
}

} // namespace

char* ubuf::data() { return reinterpret_cast<char*>(this) + header_size; }

ubuf* ubuf_alloc(int size) {
    if (size < 0) {
        errno = EINVAL;
        return nullptr;
    }
    void* block = ::operator new(header_size + static_cast<size_t>(size), std::nothrow);
    if (!block) {
        errno = ENOMEM;
        return nullptr;
    }
    auto* u = new (block) ubuf;
    u->size = size;
    live_ubufs().add(u);
    return u;
}

ubuf* ubuf_from(std::string_view bytes) {
    ubuf* u = ubuf_alloc(static_cast<int>(bytes.size()));
    if (u && !bytes.empty())
        std::memcpy(u->data(), bytes.data(), bytes.size());
    return u;
}

ubuf* ubuf_find(const char* p) {
    if (!p) {
        errno = EINVAL;
        return nullptr;
    }
    // Only an address the registry knows is ever dereferenced.
    const auto* candidate = reinterpret_cast<const ubuf*>(p - header_size);
    if (!live_ubufs().contains(candidate)) {
        errno = EINVAL;
        return nullptr;
    }
    return const_cast<ubuf*>(candidate);
}

void ubuf_free(ubuf* u) {
    if (u->parent)
        ubuf_detach(u->parent, u);
    for (ubuf* c : u->controls) {
        c->parent = nullptr;
        ubuf_free(c);
    }
    live_ubufs().remove(u);
    u->~ubuf();
    ::operator delete(static_cast<void*>(u));
}

int ubuf_attach(ubuf* u, ubuf* c) {
    if (c->parent || is_ancestor_or_self(c, u))
        return fail(EINVAL);
    if (u->controls.size() >= max_controls)
        return fail(EFBIG);
    u->controls.push_back(c);
    c->parent = u;
    return 0;
}

int ubuf_detach(ubuf* u, ubuf* c) {
    if (c->parent != u)
        return fail(ENOENT);
    std::erase(u->controls, c);
    c->parent = nullptr;
    return 0;
}

int ubuf_copy_controls(ubuf* u, ubuf* to) {
    if (to->controls.size() + u->controls.size() > max_controls)
        return fail(EFBIG);
    for (ubuf* c : u->controls) {
        ubuf* copy = deep_copy(c);
        if (!copy)
            return -1;
        ubuf_attach(to, copy);
    }
    return 0;
}

int ubuf_move_controls(ubuf* u, ubuf* to) {
    if (u == to)
        return 0;
    if (is_ancestor_or_self(u, to))
        return fail(EINVAL);  // to would end up inside itself
    if (to->controls.size() + u->controls.size() > max_controls)
        return fail(EFBIG);
    for (ubuf* c : u->controls) {
        c->parent = to;
        to->controls.push_back(c);
    }
    u->controls.clear();
    return 0;
}

} // namespace zmx::xio
