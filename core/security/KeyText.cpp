#include "KeyText.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace KeyText {

namespace {

constexpr char PREFIX[] = "hwk_";
constexpr int SECRET_LENGTH = 32;
constexpr char ALPHABET[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int ALPHABET_SIZE = 62;
// The largest multiple of 62 that fits in a byte: bytes at or above it are drawn again, so
// that every character is equally likely (a plain modulo would favour the first eight).
constexpr quint32 UNBIASED_LIMIT = 248;

// The whole grammar in one place; parse() explains a mismatch step by step, then checks this
// too so that the two can never disagree.
const QRegularExpression &keyPattern()
{
    static const QRegularExpression pattern(QStringLiteral(
            "^hwk_(admin|operator|monitor|viewer|device|custom)_([0-9]{3,})_([0-9A-Za-z]{32})\\z"));
    return pattern;
}

bool isBase62(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
}

std::optional<Parts> refuse(const QString &reason, QString *error)
{
    // The reason never quotes the presented text: it may be a real secret in the wrong place.
    if (error)
        *error = QStringLiteral("The key is malformed: %1").arg(reason);
    return std::nullopt;
}

} // namespace

Parts generate(Role role, int seq)
{
    QString secret;
    secret.reserve(SECRET_LENGTH);
    QRandomGenerator *random = QRandomGenerator::system();
    while (secret.size() < SECRET_LENGTH) {
        const quint32 word = random->generate();
        for (int shift = 0; shift < 32 && secret.size() < SECRET_LENGTH; shift += 8) {
            const quint32 byte = (word >> shift) & 0xffu;
            if (byte < UNBIASED_LIMIT)
                secret.append(QLatin1Char(ALPHABET[byte % ALPHABET_SIZE]));
        }
    }
    const QString id =
            QStringLiteral("hwk_%1_%2").arg(Roles::name(role)).arg(seq, 3, 10, QLatin1Char('0'));
    return {id, role, seq, secret};
}

QString compose(const Parts &parts)
{
    return parts.id + QLatin1Char('_') + parts.secret;
}

std::optional<Parts> parse(const QString &text, QString *error)
{
    if (text.isEmpty())
        return refuse(QStringLiteral("it is empty."), error);
    if (!text.startsWith(QLatin1String(PREFIX)))
        return refuse(QStringLiteral("it must start with hwk_."), error);

    const qsizetype prefixLength = qsizetype(sizeof(PREFIX) - 1);
    const qsizetype roleEnd = text.indexOf(QLatin1Char('_'), prefixLength);
    if (roleEnd < 0)
        return refuse(QStringLiteral("it must read hwk_<role>_<number>_<secret>."), error);
    const QString roleName = text.mid(prefixLength, roleEnd - prefixLength);
    const std::optional<Role> role = Roles::fromName(roleName);
    if (!role) {
        return refuse(QStringLiteral("after hwk_ comes the role (admin, operator, monitor, viewer, "
                                     "device or custom)."),
                error);
    }

    const qsizetype seqEnd = text.indexOf(QLatin1Char('_'), roleEnd + 1);
    const QString seqText =
            text.mid(roleEnd + 1, seqEnd < 0 ? qsizetype(-1) : seqEnd - roleEnd - 1);
    bool digitsOnly = !seqText.isEmpty();
    for (QChar c : seqText)
        digitsOnly = digitsOnly && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (!digitsOnly || seqText.size() < 3) {
        return refuse(
                QStringLiteral("after the role comes a number of at least three digits."), error);
    }
    if (seqEnd < 0)
        return refuse(QStringLiteral("the secret after the number is missing."), error);
    bool seqFits = false;
    const int seq = seqText.toInt(&seqFits);
    if (!seqFits)
        return refuse(QStringLiteral("its number is too large."), error);

    const QString secret = text.mid(seqEnd + 1);
    bool secretIsBase62 = true;
    for (QChar c : secret)
        secretIsBase62 = secretIsBase62 && isBase62(c);
    if (!secretIsBase62) {
        return refuse(
                QStringLiteral("its secret may hold only the letters A-Z, a-z and digits."), error);
    }
    if (secret.size() != SECRET_LENGTH) {
        return refuse(QStringLiteral("its secret must be exactly %1 characters long, not %2.")
                              .arg(SECRET_LENGTH)
                              .arg(secret.size()),
                error);
    }
    if (!keyPattern().match(text).hasMatch())
        return refuse(QStringLiteral("it must read hwk_<role>_<number>_<secret>."), error);

    return Parts{text.left(seqEnd), *role, seq, secret};
}

QByteArray hashSecret(const QString &id, const QString &secret)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(id.toUtf8());
    hash.addData(QByteArrayView(":"));
    hash.addData(secret.toUtf8());
    return hash.result();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // The lengths are public (every stored hash is 32 bytes); the contents are not, so every
    // byte is looked at whatever the first difference.
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace KeyText
