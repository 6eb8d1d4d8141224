#include "cat_security.hpp"

#include "password_file.hpp"

namespace zmx_cat {

namespace {

[[noreturn]] void refuse(const std::string& why) { throw CLI::ValidationError(why); }

zmx_tools::security_settings plain_client(const std::string& credentials) {
    const size_t colon = credentials.find(':');
    if (colon == std::string::npos || colon == 0)
        refuse("--plain takes USER:PASSWORD");
    zmx_tools::security_settings settings;
    settings.mechanism = zmx_tools::mechanism::plain;
    settings.username = credentials.substr(0, colon);
    settings.password = credentials.substr(colon + 1);
    return settings;
}

zmx_tools::security_settings plain_server(const std::string& password_file) {
    zmx_tools::security_settings settings;
    settings.mechanism = zmx_tools::mechanism::plain;
    settings.server = true;
    settings.passwords = zmx_tools::read_password_file(password_file);
    return settings;
}

zmx_tools::security_settings curve(const security_choices& choices) {
    zmx_tools::security_settings settings;
    settings.mechanism = zmx_tools::mechanism::curve;
    settings.server = choices.curve_server;
    if (choices.curve_server && choices.curve_keys.empty())
        refuse("--curve-server needs the server's own keys: --curve-keys FILE");
    if (!choices.curve_server && choices.curve_server_key.empty())
        refuse("a CURVE client needs --curve-serverkey (or --curve-server to be the server)");
    if (!choices.curve_allow.empty() && !choices.curve_server)
        refuse("--curve-allow is for a --curve-server");
    // A client without a key file is a client all the same, with a pair
    // made for this run (a server that checks keys will not know it).
    settings.keys = choices.curve_keys.empty() ? zmx_tools::new_key_pair()
                                               : zmx_tools::read_key_file(choices.curve_keys, true);
    settings.server_key = choices.curve_server_key;
    if (!choices.curve_allow.empty())
        settings.allowed_keys = zmx_tools::read_public_keys(choices.curve_allow);
    return settings;
}

}  // namespace

void add_security_options(CLI::App& app, security_choices& choices) {
    auto* plain = app.add_option("--plain", choices.plain, "PLAIN client: the user name and password")
                            ->type_name("USER:PASSWORD");
    auto* plain_server =
        app.add_option("--plain-server", choices.plain_server,
                       "be a PLAIN server, letting in the users of FILE (user:password lines)")
            ->type_name("FILE")
            ->excludes(plain);
    auto* curve_server_key = app.add_option("--curve-serverkey", choices.curve_server_key,
                                            "CURVE client: the server's public key (Z85, 40 characters)")
                                 ->type_name("KEY")
                                 ->check([](const std::string& key) {
                                     return key.size() == 40 ? std::string() : std::string("a Z85 key has 40 characters");
                                 });
    auto* curve_keys = app.add_option("--curve-keys", choices.curve_keys,
                                      "CURVE: our key pair, a secret key file from zmx-keygen")
                           ->type_name("FILE");
    auto* curve_server = app.add_flag("--curve-server", choices.curve_server, "be a CURVE server (with --curve-keys)");
    auto* curve_allow = app.add_option("--curve-allow", choices.curve_allow,
                                       "CURVE server: let in only the clients whose NAME.key files are in DIR")
                            ->type_name("DIR");
    for (CLI::Option* option : {curve_server_key, curve_keys, curve_server, curve_allow})
        option->excludes(plain)->excludes(plain_server);
}

zmx_tools::security_settings security_from(const security_choices& choices) {
    try {
        if (!choices.plain.empty())
            return plain_client(choices.plain);
        if (!choices.plain_server.empty())
            return plain_server(choices.plain_server);
        if (!choices.curve_server_key.empty() || !choices.curve_keys.empty() || choices.curve_server ||
            !choices.curve_allow.empty())
            return curve(choices);
    } catch (const zmx_tools::key_file_error& unusable) {
        refuse(unusable.what());
    } catch (const zmx_tools::password_file_error& unusable) {
        refuse(unusable.what());
    }
    return {};
}

}  // namespace zmx_cat
