// Typed exceptions for failures that stop a command. Expected per-row problems are values
// (FieldProblem in domain/roster.hpp); these are for the command as a whole.
#pragma once

#include "util/message.hpp"

#include <memory>
#include <stdexcept>
#include <string>

namespace guazhi {

// The command was refused: bad input, a broken rule, an I/O failure. Exit code 1.
// It carries its Message, worded in the reader's language by the caller (util/catalog.hpp);
// what() is the English.
class Error : public std::runtime_error {
  public:
    explicit Error(Message m) : std::runtime_error(english(m)), message_(std::make_shared<const Message>(std::move(m))) {}
    explicit Error(const std::string& text) : Error(Message(text)) {}
    explicit Error(const char* text) : Error(Message(text)) {}
    const Message& message() const { return *message_; }

  private:
    std::shared_ptr<const Message> message_;
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
