#include "socket/listener_option_values.hpp"

#include "base/error.hpp"
#include "socket/options.hpp"

#include <zmq.h>

#include <cstring>
#include <string>

namespace zmx {

using namespace option_value;

namespace {

constexpr size_t max_device_name = 16;  // libzmq's limit (Linux's IFNAMSIZ)

bool clears(const void* value, size_t size) { return !value && size == 0; }

// A filter arrives as text, NUL-terminated or not: what precedes the first
// NUL counts, as libzmq reads it.
int add_tcp_filter(accept_filters& filters, bool ipv6, const void* value, size_t size) {
    if (clears(value, size)) {
        filters.tcp.clear();
        return 0;
    }
    if (!value || size == 0)
        return fail(EINVAL);
    const char* text = static_cast<const char*>(value);
    ip_mask mask;
    if (parse_ip_mask(std::string(text, strnlen(text, size)), ipv6, mask) < 0)
        return -1;
    filters.tcp.push_back(mask);
    return 0;
}

// A pid, uid or gid, added to its list; NULL with size 0 empties the list.
template <typename Id>
int add_credential_filter(std::vector<Id>& ids, const void* value, size_t size) {
    if (clears(value, size)) {
        ids.clear();
        return 0;
    }
    int id;
    if (get_int(value, size, id) < 0)
        return -1;
    ids.push_back(static_cast<Id>(id));
    return 0;
}

int set_device(std::string& device, const void* value, size_t size) {
    if (clears(value, size)) {
        device.clear();
        return 0;
    }
    if (!value || size == 0 || size > max_device_name)
        return fail(EINVAL);
    device.assign(static_cast<const char*>(value), size);
    return 0;
}

}  // namespace

int set_listener_option(transport_options& options, bool ipv6, int option, const void* value, size_t size,
                        bool& known) {
    known = true;
    accept_filters& filters = options.filters;
    switch (option) {
    case ZMQ_TCP_ACCEPT_FILTER: return add_tcp_filter(filters, ipv6, value, size);
    case ZMQ_IPC_FILTER_PID: return add_credential_filter(filters.pids, value, size);
    case ZMQ_IPC_FILTER_UID: return add_credential_filter(filters.uids, value, size);
    case ZMQ_IPC_FILTER_GID: return add_credential_filter(filters.gids, value, size);
    case ZMQ_BINDTODEVICE: return set_device(options.bound_device, value, size);
    case ZMQ_USE_FD: {
        int fd;
        if (get_int(value, size, fd) < 0 || fd < -1)
            return fail(EINVAL);
        options.use_fd = fd;
        return 0;
    }
    default:
        known = false;
        return fail(EINVAL);
    }
}

int get_listener_option(const transport_options& options, int option, void* value, size_t* size, bool& known) {
    known = true;
    switch (option) {
    case ZMQ_USE_FD: return put_int(value, size, options.use_fd);
    case ZMQ_BINDTODEVICE: return put_string(value, size, options.bound_device);
    default:
        known = false;  // the filters are set only: EINVAL, as in libzmq
        return fail(EINVAL);
    }
}

} // namespace zmx
