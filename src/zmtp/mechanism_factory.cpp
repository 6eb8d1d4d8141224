#include "zmtp/mechanism_factory.hpp"

#include "zmtp/curve_client.hpp"
#include "zmtp/curve_server.hpp"
#include "zmtp/null_mechanism.hpp"
#include "zmtp/plain_mechanism.hpp"

namespace zmx::zmtp {

std::unique_ptr<mechanism> make_mechanism(const security_options& security, our_properties us) {
    switch (security.mechanism) {
    case mechanism_kind::plain:
        if (security.as_server)
            return std::make_unique<plain_server>(std::move(us));
        return std::make_unique<plain_client>(std::move(us), security.plain_username, security.plain_password);
    case mechanism_kind::curve:
        if (security.as_server)
            return std::make_unique<curve_server>(std::move(us), security);
        return std::make_unique<curve_client>(std::move(us), security);
    case mechanism_kind::null:
        break;
    }
    return std::make_unique<null_mechanism>(std::move(us));
}

} // namespace zmx::zmtp
