// C API: zmq_msg_* functions.
#include "api/handles.hpp"
#include "base/error.hpp"
#include "base/metadata.hpp"

using namespace zmx;
using namespace zmx::api;

int zmq_msg_init(zmq_msg_t* zm) {
    msg* m = as_msg(zm);
    if (!m)
        return -1;
    m->init();
    return 0;
}

int zmq_msg_init_size(zmq_msg_t* zm, size_t size) {
    msg* m = as_msg(zm);
    return m ? m->init_size(size) : -1;
}

int zmq_msg_init_data(zmq_msg_t* zm, void* data, size_t size, zmq_free_fn* ffn, void* hint) {
    msg* m = as_msg(zm);
    if (!m)
        return -1;
    if (!data) {
        if (size)
            return fail(EINVAL);
        m->init();
        return 0;
    }
    return m->init_data(data, size, ffn, hint);
}

int zmq_msg_init_buffer(zmq_msg_t* zm, const void* buf, size_t size) {
    msg* m = as_msg(zm);
    if (!m)
        return -1;
    if (size && !buf)
        return fail(EFAULT);
    return m->init_copy_of(buf, size);
}

int zmq_msg_close(zmq_msg_t* zm) {
    msg* m = as_valid_msg(zm);
    if (!m)
        return -1;
    m->close_for_good();
    return 0;
}

int zmq_msg_move(zmq_msg_t* dest, zmq_msg_t* src) {
    msg* d = as_valid_msg(dest);
    msg* s = as_valid_msg(src);
    if (!d || !s)
        return -1;
    s->move_to(*d);
    return 0;
}

int zmq_msg_copy(zmq_msg_t* dest, zmq_msg_t* src) {
    msg* d = as_valid_msg(dest);
    msg* s = as_valid_msg(src);
    if (!d || !s)
        return -1;
    s->copy_to(*d);
    return 0;
}

void* zmq_msg_data(zmq_msg_t* zm) {
    msg* m = as_msg(zm);
    return m ? m->data() : nullptr;
}

size_t zmq_msg_size(const zmq_msg_t* zm) {
    const msg* m = as_msg(const_cast<zmq_msg_t*>(zm));
    return m ? m->size() : 0;
}

int zmq_msg_more(const zmq_msg_t* zm) {
    const msg* m = as_msg(const_cast<zmq_msg_t*>(zm));
    return m ? m->has(msg::more) : 0;
}

int zmq_msg_get(const zmq_msg_t* zm, int property) {
    const msg* m = as_msg(const_cast<zmq_msg_t*>(zm));
    if (!m)
        return -1;
    switch (property) {
    case ZMQ_MORE:
        return m->has(msg::more);
    case ZMQ_SRCFD:  // only messages that came over a stream connection know theirs
        if (!m->properties() || m->properties()->source_fd() < 0)
            return fail(EINVAL);
        return m->properties()->source_fd();
    case ZMQ_SHARED:
        return m->is_shared();
    default:
        return fail(EINVAL);
    }
}

int zmq_msg_set(zmq_msg_t* zm, int, int) {
    return as_msg(zm) ? fail(EINVAL) : -1;
}

const char* zmq_msg_gets(const zmq_msg_t* zm, const char* property) {
    const msg* m = as_msg(const_cast<zmq_msg_t*>(zm));
    if (!m)
        return nullptr;
    const char* value = m->properties() && property ? m->properties()->get(property) : nullptr;
    if (!value)
        errno = EINVAL;
    return value;
}

int zmq_msg_set_routing_id(zmq_msg_t* zm, uint32_t routing_id) {
    msg* m = as_msg(zm);
    if (!m)
        return -1;
    if (routing_id == 0)
        return fail(EINVAL);
    m->set_routing_id_value(routing_id);
    return 0;
}

uint32_t zmq_msg_routing_id(zmq_msg_t* zm) {
    msg* m = as_msg(zm);
    return m ? m->routing_id_value() : 0;
}

int zmq_msg_set_group(zmq_msg_t* zm, const char* group) {
    msg* m = as_msg(zm);
    if (!m)
        return -1;
    if (!group)
        return fail(EINVAL);
    return m->set_group(group);
}

const char* zmq_msg_group(zmq_msg_t* zm) {
    msg* m = as_msg(zm);
    return m ? m->group() : nullptr;
}
