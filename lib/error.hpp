// Typed exceptions for failures that stop a command. Expected per-row problems are values
// (FieldProblem in domain/roster.hpp); these are for the command as a whole.
#pragma once

#include <stdexcept>
#include <string>

namespace guazhi {

// The command was refused: bad input, a broken rule, an I/O failure. Exit code 1.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The configuration file is wrong; the message names the file, line and key.
class ConfigError : public Error {
  public:
    using Error::Error;
};

// The database could not be opened or used; the message says what was being done.
class StoreError : public Error {
  public:
    using Error::Error;
};

} // namespace guazhi
