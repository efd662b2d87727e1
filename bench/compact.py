"""Atelier's compact numbers, as `templates/assets/cartes.js` reads them: base-32 digits in 64 symbols, the last 32
ending a number. The benchmark and the browser tests read the search index and the boussole's data with it."""

SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def numbers(text):
    values, value = [], 0
    for symbol in text:
        digit = SYMBOLS.index(symbol)
        if digit < 32:
            value = value * 32 + digit
        else:
            values.append(value * 32 + digit - 32)
            value = 0
    return values
