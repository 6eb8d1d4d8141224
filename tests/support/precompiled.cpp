// The translation unit that builds tests/support/precompiled.hpp.
