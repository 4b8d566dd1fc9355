#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

// A key's IP allow-list: CIDR ranges, IPv4 and IPv6. An IPv4 peer seen through an IPv6 socket
// (::ffff:192.0.2.7) matches IPv4 ranges too.
class IpAllowList
{
public:
    // Sets *error naming the first entry that is not a CIDR range or an address.
    static bool parse(const QStringList &entries, IpAllowList *list, QString *error = nullptr);

    bool isEmpty() const { return m_ranges.isEmpty(); }
    bool allows(const QHostAddress &address) const;

private:
    QList<QPair<QHostAddress, int>> m_ranges;
};
