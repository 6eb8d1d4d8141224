// The socket options a config may set, by their config names (the zmq.h
// name without ZMQ_, in lower case), and how each is given to the library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace zmx_broker {

struct option_spec {
    // pem_file: the config names a file, whose text the option is given
    // (read when the config is loaded).
    enum value_kind { integer, integer64, boolean, bytes, pem_file };

    const char* name;
    int id;
    value_kind kind;
    int64_t min = 0;
    int64_t max = INT32_MAX;
    // The socket types it means something for; empty for all.
    std::vector<int> applies_to = {};
};

using option_value = std::variant<int64_t, bool, std::string>;

struct option_setting {
    const option_spec* spec;
    option_value value;
};

const option_spec* find_option(std::string_view name);
// All names, for the message about an unknown one.
std::string option_names();
bool option_applies(const option_spec& spec, int socket_type);
// zmq_setsockopt with the value in the form the option takes; false (errno
// set) if the library refuses it.
bool apply_option(void* socket, const option_setting& setting);

}  // namespace zmx_broker
