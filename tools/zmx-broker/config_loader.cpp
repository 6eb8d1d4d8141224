// Reads a broker's TOML config (toml++) and checks everything that can be
// checked without opening a socket: every key known, every value of the
// right type and range, every endpoint of a transport the library offers.
#include "config.hpp"
#include "file_text.hpp"

#include "key_file.hpp"
#include "password_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>

namespace zmx_broker {

namespace {

bool valid_endpoint(std::string_view endpoint) {
    const size_t separator = endpoint.find("://");
    if (separator == std::string_view::npos || separator + 3 == endpoint.size())
        return false;
    // The transports this library has; any other would fail at bind time.
    const std::string_view transport = endpoint.substr(0, separator);
    return transport == "tcp" || transport == "ipc" || transport == "inproc" || transport == "ws" ||
           transport == "wss";
}

std::string joined(const std::vector<std::string_view>& names) {
    std::string text;
    for (const auto name : names)
        text += (text.empty() ? "" : ", ") + std::string(name);
    return text;
}

class config_reader {
public:
    explicit config_reader(std::string path) : path_(std::move(path)) {}

    broker_config read() {
        toml::table root;
        try {
            root = toml::parse_file(path_);
        } catch (const toml::parse_error& error) {
            fail(error.source(), std::string(error.description()));
        }
        check_keys(root, {"broker", "device"}, "the config");
        broker_config config;
        if (const toml::node* broker = root.get("broker"))
            read_broker(table_at(*broker, "[broker]"), config);
        read_devices(root, config);
        return config;
    }

private:
    [[noreturn]] void fail(const toml::source_region& at, const std::string& what) const {
        if (at.begin.line == 0)  // the file as a whole (it could not be opened)
            throw config_error(path_ + ": " + what);
        throw config_error(path_ + ":" + std::to_string(at.begin.line) + ":" + std::to_string(at.begin.column) +
                           ": " + what);
    }

    void check_keys(const toml::table& table, const std::vector<std::string_view>& known,
                    const std::string& where) const {
        for (auto&& [key, node] : table) {
            if (std::find(known.begin(), known.end(), key.str()) == known.end())
                fail(key.source(), "unknown key '" + std::string(key.str()) + "' in " + where +
                                       " (known keys: " + joined(known) + ")");
        }
    }

    const toml::table& table_at(const toml::node& node, const std::string& what) const {
        if (!node.is_table())
            fail(node.source(), what + " must be a table");
        return *node.as_table();
    }

    std::string string_at(const toml::node& node, const std::string& what) const {
        if (!node.is_string())
            fail(node.source(), what + " must be a string");
        return node.as_string()->get();
    }

    int64_t integer_at(const toml::node& node, const std::string& what, int64_t min, int64_t max) const {
        if (!node.is_integer())
            fail(node.source(), what + " must be an integer");
        const int64_t value = node.as_integer()->get();
        if (value < min || value > max)
            fail(node.source(), what + " must be between " + std::to_string(min) + " and " + std::to_string(max));
        return value;
    }

    std::string endpoint_at(const toml::node& node, const std::string& what) const {
        std::string endpoint = string_at(node, what);
        if (!valid_endpoint(endpoint))
            fail(node.source(), what + ": '" + endpoint + "' is not an endpoint (tcp://, ipc://, inproc://, ws:// or wss://)");
        return endpoint;
    }

    // One endpoint, or an array of them.
    std::vector<std::string> endpoints_at(const toml::node& node, const std::string& what) const {
        if (!node.is_array())
            return {endpoint_at(node, what)};
        std::vector<std::string> endpoints;
        for (const toml::node& element : *node.as_array())
            endpoints.push_back(endpoint_at(element, what));
        return endpoints;
    }

    void read_broker(const toml::table& broker, broker_config& config) const {
        check_keys(broker, {"log_level", "control", "linger", "io_threads"}, "[broker]");
        if (const toml::node* level = broker.get("log_level")) {
            const auto named = log_level_named(string_at(*level, "log_level"));
            if (!named)
                fail(level->source(), "log_level must be error, warn, info or debug");
            config.level = *named;
        }
        if (const toml::node* control = broker.get("control"))
            config.control = endpoint_at(*control, "control");
        if (const toml::node* linger = broker.get("linger"))
            config.linger_ms = static_cast<int>(integer_at(*linger, "linger", -1, INT_MAX));
        if (const toml::node* threads = broker.get("io_threads"))
            config.io_threads = static_cast<int>(integer_at(*threads, "io_threads", 1, 64));
    }

    void read_devices(const toml::table& root, broker_config& config) const {
        const toml::node* devices = root.get("device");
        if (!devices)
            fail(root.source(), "no [[device]]: a broker needs at least one");
        if (!devices->is_array_of_tables())
            fail(devices->source(), "device must be an array of tables, [[device]]");
        std::set<std::string> names;
        for (const toml::node& device : *devices->as_array()) {
            config.devices.push_back(read_device(*device.as_table()));
            if (!names.insert(config.devices.back().name).second)
                fail(device.source(), "two devices are named '" + config.devices.back().name + "'");
        }
    }

    device_config read_device(const toml::table& device) const {
        device_config config;
        const toml::node* name = device.get("name");
        if (!name)
            fail(device.source(), "a device needs a name");
        config.name = string_at(*name, "name");
        if (config.name.empty())
            fail(name->source(), "a device name cannot be empty");
        const std::string where = "device '" + config.name + "'";
        check_keys(device, {"name", "type", "frontend", "backend"}, where);
        const toml::node* type = device.get("type");
        if (!type)
            fail(device.source(), where + " needs a type (queue, forwarder or streamer)");
        const auto kind = device_kind_named(string_at(*type, "type"));
        if (!kind)
            fail(type->source(), "type must be queue, forwarder or streamer");
        config.kind = *kind;
        config.frontend = read_side(device, "frontend", shape_of(*kind).frontend_type, where);
        config.backend = read_side(device, "backend", shape_of(*kind).backend_type, where);
        return config;
    }

    side_config read_side(const toml::table& device, const char* side_name, int socket_type,
                          const std::string& device_where) const {
        const std::string where = device_where + " " + side_name;
        const toml::node* node = device.get(side_name);
        if (!node)
            fail(device.source(), device_where + " has no " + side_name);
        const toml::table& side = table_at(*node, where);
        check_keys(side, {"bind", "connect", "options", "security"}, where);
        side_config config;
        if (const toml::node* bind = side.get("bind"))
            config.bind = endpoints_at(*bind, where + " bind");
        if (const toml::node* connect = side.get("connect"))
            config.connect = endpoints_at(*connect, where + " connect");
        if (config.bind.empty() && config.connect.empty())
            fail(side.source(), where + " has no endpoint to bind or connect");
        if (const toml::node* options = side.get("options")) {
            for (auto&& [key, value] : table_at(*options, where + " options"))
                config.options.push_back(read_option(key, value, socket_type, where));
        }
        if (const toml::node* security = side.get("security"))
            config.security = read_security(table_at(*security, where + " security"), where + " security");
        return config;
    }

    // A [security] table: the mechanism, the role, and the keys that role
    // of that mechanism takes, each required but allowed_keys.
    zmx_tools::security_settings read_security(const toml::table& table, const std::string& where) const {
        zmx_tools::security_settings settings;
        const toml::node* mechanism = table.get("mechanism");
        if (!mechanism)
            fail(table.source(), where + " needs a mechanism (plain or curve)");
        const std::string name = string_at(*mechanism, where + " mechanism");
        if (name != "plain" && name != "curve")
            fail(mechanism->source(), where + " mechanism must be plain or curve");
        settings.mechanism = name == "plain" ? zmx_tools::mechanism::plain : zmx_tools::mechanism::curve;
        if (const toml::node* server = table.get("server")) {
            if (!server->is_boolean())
                fail(server->source(), where + " server must be true or false");
            settings.server = server->as_boolean()->get();
        }
        if (settings.mechanism == zmx_tools::mechanism::plain)
            read_plain(table, where, settings);
        else
            read_curve(table, where, settings);
        return settings;
    }

    void read_plain(const toml::table& table, const std::string& where, zmx_tools::security_settings& settings) const {
        if (settings.server) {
            check_keys(table, {"mechanism", "server", "password_file"}, where + " (a PLAIN server)");
            const toml::node& file = required(table, "password_file", where);
            try {
                settings.passwords = zmx_tools::read_password_file(path_at(file, where + " password_file"));
            } catch (const zmx_tools::password_file_error& error) {
                fail(file.source(), error.what());
            }
            return;
        }
        check_keys(table, {"mechanism", "server", "username", "password"}, where + " (a PLAIN client)");
        settings.username = string_at(required(table, "username", where), where + " username");
        settings.password = string_at(required(table, "password", where), where + " password");
    }

    void read_curve(const toml::table& table, const std::string& where, zmx_tools::security_settings& settings) const {
        if (settings.server)
            check_keys(table, {"mechanism", "server", "key_file", "allowed_keys"}, where + " (a CURVE server)");
        else
            check_keys(table, {"mechanism", "server", "key_file", "server_key"}, where + " (a CURVE client)");
        const toml::node& key_file = required(table, "key_file", where);
        try {
            settings.keys = zmx_tools::read_key_file(path_at(key_file, where + " key_file"), true);
            if (const toml::node* allowed = table.get("allowed_keys"))
                settings.allowed_keys = zmx_tools::read_public_keys(path_at(*allowed, where + " allowed_keys"));
        } catch (const zmx_tools::key_file_error& error) {
            fail(key_file.source(), error.what());
        }
        if (settings.server)
            return;
        const toml::node& server_key = required(table, "server_key", where);
        settings.server_key = string_at(server_key, where + " server_key");
        if (settings.server_key.size() != 40)
            fail(server_key.source(), where + " server_key must be a Z85 key of 40 characters");
    }

    const toml::node& required(const toml::table& table, const char* key, const std::string& where) const {
        const toml::node* node = table.get(key);
        if (!node)
            fail(table.source(), where + " needs " + key);
        return *node;
    }

    // A file or directory named in the config: relative to the config's own
    // directory, wherever the broker runs from.
    std::string path_at(const toml::node& node, const std::string& what) const {
        const std::filesystem::path named = string_at(node, what);
        return named.is_absolute() ? named.string()
                                   : (std::filesystem::path(path_).parent_path() / named).string();
    }

    option_setting read_option(const toml::key& key, const toml::node& value, int socket_type,
                               const std::string& where) const {
        const option_spec* spec = find_option(key.str());
        if (!spec)
            fail(key.source(), "unknown key '" + std::string(key.str()) + "' in " + where +
                                   " options (known options: " + option_names() + ")");
        if (!option_applies(*spec, socket_type))
            fail(key.source(), std::string("option ") + spec->name + " does not apply to " + where + " (a " +
                                   socket_type_name(socket_type) + ")");
        const std::string what = where + " option " + spec->name;
        switch (spec->kind) {
        case option_spec::boolean:
            if (!value.is_boolean())
                fail(value.source(), what + " must be true or false");
            return {spec, value.as_boolean()->get()};
        case option_spec::bytes:
            return {spec, string_at(value, what)};
        case option_spec::pem_file:
            return {spec, file_text_at(value, what)};
        default:
            return {spec, integer_at(value, what, spec->min, spec->max)};
        }
    }

    // The text of the file a string names, relative to the config's
    // directory unless absolute.
    std::string file_text_at(const toml::node& node, const std::string& what) const {
        const std::string named = string_at(node, what);
        const std::filesystem::path file = std::filesystem::path(path_).parent_path() / named;
        const auto text = zmx_tools::read_file_text(file.string());
        if (!text)
            fail(node.source(), what + ": cannot read '" + file.string() + "'");
        return *text;
    }

    std::string path_;
};

}  // namespace

broker_config load_config(const std::string& path) { return config_reader(path).read(); }

}  // namespace zmx_broker
