#include "base/msg.hpp"

#include "base/body_allocator.hpp"
#include "base/error.hpp"
#include "base/metadata.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace zmx {

struct msg::content {
    std::atomic<uint32_t> refs;
    free_fn* free;
    void* hint;
};

struct msg::long_group {
    std::atomic<uint32_t> refs;
    char* text() { return reinterpret_cast<char*>(this + 1); }
};

void msg::init() {
    kind_ = kind::small;
    flags_ = 0;
    small_size_ = 0;
    group_is_long_ = false;
    metadata_ = nullptr;
    routing_id_ = 0;
    group_[0] = '\0';
}

int msg::init_size(size_t size) {
    init();
    if (size <= small_capacity) {
        small_size_ = static_cast<uint8_t>(size);
        return 0;
    }
    if (size > SIZE_MAX - sizeof(content))
        return fail(ENOMEM);
    auto* block = static_cast<content*>(allocate_body(sizeof(content) + size));
    if (!block)
        return fail(ENOMEM);
    new (&block->refs) std::atomic<uint32_t>(1);
    block->free = nullptr;
    block->hint = nullptr;
    kind_ = kind::large;
    large_ = {block + 1, size, block};
    return 0;
}

int msg::init_data(void* data, size_t size, free_fn* ffn, void* hint) {
    if (!ffn) {
        init_constant(data, size);
        return 0;
    }
    init();
    auto* block = new (std::nothrow) content{{1}, ffn, hint};
    if (!block)
        return fail(ENOMEM);
    kind_ = kind::large;
    large_ = {data, size, block};
    return 0;
}

int msg::init_copy_of(const void* data, size_t size) {
    if (init_size(size) < 0)
        return -1;
    if (size)
        std::memcpy(this->data(), data, size);
    return 0;
}

void msg::init_constant(const void* data, size_t size) {
    init();
    kind_ = kind::constant;
    large_ = {const_cast<void*>(data), size, nullptr};
}

void msg::init_delimiter() {
    init();
    kind_ = kind::delimiter;
}

void msg::release_body() {
    if (kind_ == kind::large) {
        content* block = large_.block;
        // Only a holder can add a reference, so a count of 1 is ours alone
        // and needs no locked decrement: the common case, a body with one
        // owner, saves an atomic read-modify-write per message.
        if (block->refs.load(std::memory_order_acquire) == 1 ||
            block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            if (block->free) {
                block->free(large_.data, block->hint);
                delete block;
            } else {
                block->refs.~atomic();
                free_body(block);
            }
        }
    }
    if (metadata_)
        metadata_->release();
    release_group();
}

void msg::close() {
    release_body();
    init();
}

void msg::close_for_good() {
    release_body();
    init();
    kind_ = kind::closed;
}

void msg::move_to(msg& dst) {
    if (&dst == this)
        return;
    dst.release_body();
    relocate_to(dst);
}

void msg::copy_to(msg& dst) {
    if (&dst == this)
        return;
    dst.release_body();
    if (kind_ == kind::large) {
        large_.block->refs.fetch_add(1, std::memory_order_relaxed);
        flags_ |= shared;
    }
    if (metadata_)
        metadata_->add_ref();
    if (group_is_long_)
        group_block()->refs.fetch_add(1, std::memory_order_relaxed);
    std::memcpy(static_cast<void*>(&dst), this, sizeof(msg));
}

bool msg::narrow(size_t offset, size_t size) {
    if (offset > this->size() || size > this->size() - offset)
        return false;
    switch (kind_) {
    case kind::small:
        std::memmove(small_, small_ + offset, size);
        small_size_ = static_cast<uint8_t>(size);
        return true;
    case kind::large:
        if (large_.block->free)
            return false;
        [[fallthrough]];
    case kind::constant:
        large_.data = static_cast<unsigned char*>(large_.data) + offset;
        large_.size = size;
        return true;
    case kind::delimiter:
    case kind::closed:
        break;
    }
    return false;
}

void* msg::data() {
    switch (kind_) {
    case kind::small:
        return small_;
    case kind::large:
    case kind::constant:
        return large_.data;
    case kind::delimiter:
    case kind::closed:
        break;
    }
    return nullptr;
}

bool msg::is_shared() const {
    return kind_ == kind::constant || (flags_ & shared) != 0;
}

void msg::set_properties(metadata* md) {
    if (md)
        md->add_ref();
    adopt_properties(md);
}

void msg::adopt_properties(metadata* md) {
    if (metadata_)
        metadata_->release();
    metadata_ = md;
}

msg::long_group* msg::group_block() const {
    long_group* block;
    std::memcpy(&block, group_, sizeof block);
    return block;
}

void msg::release_group() {
    if (!group_is_long_)
        return;
    long_group* block = group_block();
    if (block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        block->refs.~atomic();
        std::free(block);
    }
    group_is_long_ = false;
    group_[0] = '\0';
}

const char* msg::group() const {
    return group_is_long_ ? group_block()->text() : group_;
}

int msg::set_group(const char* group) {
    const size_t length = std::strlen(group);
    if (length > group_max_length)
        return fail(EINVAL);
    if (length < group_capacity) {
        char inline_copy[group_capacity];  // group may point into this message
        std::memcpy(inline_copy, group, length + 1);
        release_group();
        std::memcpy(group_, inline_copy, length + 1);
        return 0;
    }
    auto* block = static_cast<long_group*>(std::malloc(sizeof(long_group) + length + 1));
    if (!block)
        return fail(ENOMEM);
    new (&block->refs) std::atomic<uint32_t>(1);
    std::memcpy(block->text(), group, length + 1);
    release_group();
    std::memcpy(group_, &block, sizeof block);
    group_is_long_ = true;
    return 0;
}

} // namespace zmx
