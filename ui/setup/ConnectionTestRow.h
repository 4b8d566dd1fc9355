#pragma once

#include <QWidget>

class MessageLabel;
class QPushButton;

// "Test connection" on a backend's page: the button, and under it what the test found or what
// is wrong. The page starts its probe on testRequested() and hands the outcome to finish().
class ConnectionTestRow : public QWidget
{
    Q_OBJECT

public:
    // namePrefix names the button and the label for tests: "<prefix>TestButton",
    // "<prefix>ResultLabel".
    explicit ConnectionTestRow(const QString &namePrefix, QWidget *parent = nullptr);

    // The test runs: the button waits until finish().
    void begin(const QString &address);
    // ok: sentence is what was found; otherwise what is wrong (shown as a problem).
    void finish(bool ok, const QString &sentence);

Q_SIGNALS:
    void testRequested();

private:
    QPushButton *m_button;
    MessageLabel *m_result;
};
