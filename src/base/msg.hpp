// The message: exactly the 64 bytes of a zmq_msg_t.
//
// Bodies up to small_capacity bytes live inline; larger ones live in a
// reference-counted content block, either allocated with the body behind it
// or wrapping user memory released by a free function (zero-copy). Copies
// share the content block. A msg is trivially relocatable: moving it is a
// byte copy followed by re-initialising the source, which is how queues
// carry it.
//
// A group (RADIO/DISH) of up to group_capacity - 1 characters lives inline;
// a longer one, up to ZMQ_GROUP_MAX_LENGTH, lives in its own
// reference-counted block that copies share and the last close frees, so
// the message stays 64 bytes.
//
// Threading: a msg is owned by one thread at a time; only the content
// block's reference count is shared. The free function runs on whichever
// thread drops the last reference, and zmx never holds a lock while it does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace zmx {

class metadata;

using free_fn = void(void* data, void* hint);

class msg {
public:
    static constexpr size_t small_capacity = 32;
    static constexpr size_t group_capacity = 16;     // inline: 15 characters and NUL
    static constexpr size_t group_max_length = 255;  // ZMQ_GROUP_MAX_LENGTH

    enum flag : uint8_t {
        more = 1,        // ZMQ_MORE: another frame of this message follows
        shared = 4,      // the content has been shared by a copy (ZMQ_SHARED)
        routing_id = 8,  // carries the sender's routing id, consumed by the pipe
        // A subscription or cancellation in message form that a SUB or XSUB
        // made itself: a ZMTP 3.1 peer gets it as a SUBSCRIBE or CANCEL
        // command (as from libzmq); what an application sends stays a message.
        subscription = 16,
        // A DISH's zmq_join or zmq_leave of the message's group, on its way
        // to a RADIO: a JOIN or LEAVE command on the wire (RFC 48).
        join = 32,
        leave = 64,
    };

    // All init functions leave any previous content untouched: close first.
    void init();
    int init_size(size_t size);  // -1 with ENOMEM
    int init_data(void* data, size_t size, free_fn* ffn, void* hint);
    int init_copy_of(const void* data, size_t size);
    void init_constant(const void* data, size_t size);
    void init_delimiter();

    // Releases the body and leaves an empty message.
    void close();
    // Releases the body and marks the message closed (zmq_msg_close): the
    // C API then refuses it with EFAULT until it is initialised again.
    void close_for_good();
    bool is_valid() const { return kind_ >= kind::small && kind_ <= kind::delimiter; }
    // Moves this message into dst (closing dst's previous body); leaves this empty.
    void move_to(msg& dst);
    // Makes dst share this message's body (closing dst's previous body).
    void copy_to(msg& dst);

    // Narrows the body to its bytes [offset, offset + size) in place, no
    // copy made: what a decrypted frame does to drop its envelope. false,
    // nothing changed, for a body released by a free function (which must
    // get back the address it was given) or a range outside the body.
    bool narrow(size_t offset, size_t size);

    void* data();
    const void* data() const { return const_cast<msg*>(this)->data(); }
    // Inline: the pipes add it to their byte counts on every frame.
    size_t size() const;

    uint8_t flags() const { return flags_; }
    bool has(flag f) const { return (flags_ & f) != 0; }
    void set(flag f) { flags_ |= f; }
    void clear(flag f) { flags_ &= static_cast<uint8_t>(~f); }
    bool is_delimiter() const { return kind_ == kind::delimiter; }
    bool is_shared() const;

    metadata* properties() const { return metadata_; }
    void set_properties(metadata* md);  // takes a reference
    void adopt_properties(metadata* md);  // takes over the caller's reference

    uint32_t routing_id_value() const { return routing_id_; }
    void set_routing_id_value(uint32_t id) { routing_id_ = id; }
    const char* group() const;
    // -1 with EINVAL when longer than group_max_length, ENOMEM when a long
    // group's block cannot be allocated.
    int set_group(const char* group);

    // A bare byte copy with no reference taken: for relocating into queues.
    void relocate_to(msg& dst) { std::memcpy(static_cast<void*>(&dst), this, sizeof(msg)); init(); }

private:
    // Not starting at 0 (libzmq's start at 101): a zmq_msg_t that was never
    // initialised, zeroed memory included, is then no valid message.
    enum class kind : uint8_t { small = 101, large, constant, delimiter, closed };

    // Reference-counted body shared by copies. When free_ is null the body
    // follows the block in the same allocation.
    struct content;
    // A group too long to live inline; its address is kept in group_.
    struct long_group;

    struct large_body {
        void* data;
        size_t size;
        content* block;
    };

    void release_body();
    long_group* group_block() const;
    void release_group();

    union {
        unsigned char small_[small_capacity];
        large_body large_;
    };
    metadata* metadata_;
    uint32_t routing_id_;
    char group_[group_capacity];
    kind kind_;
    uint8_t flags_;
    uint8_t small_size_;
    bool group_is_long_;
};

static_assert(sizeof(msg) == 64, "msg must be exactly the size of zmq_msg_t");

inline size_t msg::size() const {
    switch (kind_) {
    case kind::small:
        return small_size_;
    case kind::large:
    case kind::constant:
        return large_.size;
    case kind::delimiter:
    case kind::closed:
        break;
    }
    return 0;
}

} // namespace zmx
