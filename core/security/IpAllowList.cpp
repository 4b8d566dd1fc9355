#include "IpAllowList.h"

bool IpAllowList::parse(const QStringList &entries, IpAllowList *list, QString *error)
{
    IpAllowList result;
    for (const QString &entry : entries) {
        const QString trimmed = entry.trimmed();
        QPair<QHostAddress, int> range = QHostAddress::parseSubnet(trimmed);
        if (range.first.isNull()) {
            // A bare address is a range of one.
            const QHostAddress single(trimmed);
            if (single.isNull()) {
                if (error)
                    *error = QStringLiteral("'%1' is not an IP address or CIDR range.").arg(entry);
                return false;
            }
            range = {single, single.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        result.m_ranges.append(range);
    }
    *list = result;
    return true;
}

bool IpAllowList::allows(const QHostAddress &address) const
{
    if (m_ranges.isEmpty())
        return true;
    bool isV4Mapped = false;
    const QHostAddress v4(address.toIPv4Address(&isV4Mapped));
    for (const auto &range : m_ranges) {
        if (address.isInSubnet(range))
            return true;
        if (isV4Mapped && v4.isInSubnet(range))
            return true;
    }
    return false;
}
