// A broker's configuration, as read and checked from its TOML file
// (docs/tools.md describes every key).
#pragma once

#include "device_kinds.hpp"
#include "logger.hpp"
#include "socket_options.hpp"
#include "socket_security.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace zmx_broker {

struct side_config {
    std::vector<std::string> bind;
    std::vector<std::string> connect;
    std::vector<option_setting> options;
    // NULL unless its [security] table says otherwise.
    zmx_tools::security_settings security;
};

struct device_config {
    std::string name;
    device_kind kind = device_kind::queue;
    side_config frontend;
    side_config backend;
};

struct broker_config {
    log_level level = log_level::info;
    // REP endpoint answering "stats"; empty for none.
    std::string control;
    std::string metrics;  // --metrics HOST:PORT: Prometheus over HTTP; empty: none
    // Given to every device socket (unless its options say otherwise): how
    // long in-flight messages may hold up a shutdown, in ms.
    int linger_ms = 1000;
    int io_threads = 1;
    std::vector<device_config> devices;
};

// A config that cannot be run as written: "FILE:LINE:COLUMN: what is wrong".
class config_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

broker_config load_config(const std::string& path);

// The ZAP domain a server side names, which its ZAP requests carry.
inline std::string zap_domain(const std::string& device_name, const std::string& side) {
    return device_name + "/" + side;
}

}  // namespace zmx_broker
