#include "LoxoneCommandGrammar.h"

#include <QHash>
#include <QRegularExpression>

namespace {

using Form = LoxoneCommandGrammar::Form;
using Argument = LoxoneCommandGrammar::Argument;

constexpr double MIN_TEMPERATURE = 5;
constexpr double MAX_TEMPERATURE = 40;

Form word(const char *text)
{
    return {QLatin1String(text), {}};
}

QList<Form> words(std::initializer_list<const char *> list)
{
    QList<Form> forms;
    for (const char *text : list)
        forms.append(word(text));
    return forms;
}

Form percentForm(const char *pattern)
{
    return {QLatin1String(pattern), {{0, 100, false}}};
}

Form temperatureForm(const char *pattern)
{
    return {QLatin1String(pattern), {{MIN_TEMPERATURE, MAX_TEMPERATURE, false}}};
}

Form flagForm(const char *pattern)
{
    return {QLatin1String(pattern), {{0, 1, true}}};
}

const QHash<QString, QList<Form>> &grammar()
{
    static const QHash<QString, QList<Form>> table = [] {
        QHash<QString, QList<Form>> forms;
        const QList<Form> switchForms = words({"on", "off", "pulse"});
        forms.insert(QStringLiteral("Switch"), switchForms);
        forms.insert(QStringLiteral("Pushbutton"), switchForms);
        // A dimmer takes its level as the bare number.
        const QList<Form> dimmerForms = words({"on", "off"}) + QList<Form>{percentForm("%1")};
        forms.insert(QStringLiteral("Dimmer"), dimmerForms);
        forms.insert(QStringLiteral("EIBDimmer"), dimmerForms);
        // manualPosition and manualLamelle count in percent down: 0 up, 100 down.
        forms.insert(QStringLiteral("Jalousie"),
                words({"up", "down", "UpOff", "DownOff", "FullUp", "FullDown", "stop", "shade",
                        "auto", "NoAuto"})
                        + QList<Form>{
                                percentForm("manualPosition/%1"), percentForm("manualLamelle/%1")});
        forms.insert(QStringLiteral("Gate"), words({"open", "close", "stop"}));
        // Scenes 0–9 as the bare number; 9 is "all on".
        forms.insert(QStringLiteral("LightController"),
                words({"on", "off", "plus", "minus"})
                        + QList<Form>{{QStringLiteral("%1"), {{0, 9, true}}}});
        const Argument mood{0, 99999, true};
        forms.insert(QStringLiteral("LightControllerV2"),
                words({"plus", "minus"})
                        + QList<Form>{{QStringLiteral("changeTo/%1"), {mood}},
                                {QStringLiteral("addMood/%1"), {mood}},
                                {QStringLiteral("removeMood/%1"), {mood}}});
        const QList<Form> colorForms{{QStringLiteral("hsv(%1,%2,%3)"),
                                             {{0, 360, false}, {0, 100, false}, {0, 100, false}}},
                {QStringLiteral("temp(%1,%2)"), {{0, 100, false}, {2700, 6500, true}}}};
        forms.insert(QStringLiteral("Colorpicker"), colorForms);
        forms.insert(QStringLiteral("ColorPickerV2"), colorForms);
        forms.insert(QStringLiteral("IRoomControllerV2"),
                {temperatureForm("setComfortTemperature/%1"),
                        temperatureForm("setManualTemperature/%1"),
                        {QStringLiteral("setOperatingMode/%1"), {{0, 5, true}}}});
        // settemp's index: 1 comfort heating, 2 comfort cooling, 3 empty house, 4 heat
        // protection; the others hold offsets, not temperatures.
        forms.insert(QStringLiteral("IRoomController"),
                {{QStringLiteral("mode/%1"), {{0, 5, true}}},
                        {QStringLiteral("settemp/%1/%2"),
                                {{1, 4, true}, {MIN_TEMPERATURE, MAX_TEMPERATURE, false}}},
                        word("stoptimer")});
        // on/1 and delayedon/1 arm with the motion sensors, on/0 and delayedon/0 without.
        forms.insert(QStringLiteral("Alarm"),
                words({"on", "off", "delayedon", "quit"})
                        + QList<Form>{
                                flagForm("on/%1"), flagForm("delayedon/%1"), flagForm("dismv/%1")});
        forms.insert(QStringLiteral("SmokeAlarm"), words({"quit", "mute"}));
        const QList<Form> audioForms = words({"play", "pause", "next", "prev", "volUp", "volDown"})
                + QList<Form>{{QStringLiteral("volume/%1"), {{0, 100, true}}}};
        forms.insert(QStringLiteral("AudioZone"), audioForms);
        forms.insert(QStringLiteral("AudioZoneV2"), audioForms);
        // Known, and read only: HomeWarden sends them nothing. An Intercom is among them on
        // purpose: its door openers are subcontrols of their own.
        for (const char *readOnly :
                {"InfoOnlyAnalog", "InfoOnlyDigital", "InfoOnlyText", "TextState", "Meter",
                        "Tracker", "PresenceDetector", "IRCDaytimer", "IRCV2Daytimer", "Daytimer",
                        "CentralLightController", "Intercom", "IntercomV2"})
            forms.insert(QLatin1String(readOnly), {});
        return forms;
    }();
    return table;
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 12);
}

// The regular expression of a form: its words literally (in any case), a number at each %n.
QRegularExpression expressionOf(const Form &form)
{
    static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    QString expression;
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(form.pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        expression += QRegularExpression::escape(form.pattern.mid(at, match.capturedStart() - at));
        expression += QStringLiteral("([-+]?[0-9]+(?:\\.[0-9]+)?)");
        at = match.capturedEnd();
    }
    expression += QRegularExpression::escape(form.pattern.mid(at));
    return QRegularExpression(QRegularExpression::anchoredPattern(expression),
            QRegularExpression::CaseInsensitiveOption);
}

QString withArguments(const Form &form, const QList<double> &values)
{
    QString text = form.pattern;
    for (qsizetype i = values.size(); i > 0; --i)
        text.replace(QLatin1Char('%') + QString::number(i), formatNumber(values.at(i - 1)));
    return text;
}

} // namespace

QList<LoxoneCommandGrammar::Form> LoxoneCommandGrammar::formsOf(const QString &controlType)
{
    return grammar().value(controlType);
}

bool LoxoneCommandGrammar::knowsType(const QString &controlType)
{
    return grammar().contains(controlType);
}

std::optional<QString> LoxoneCommandGrammar::check(
        const QString &controlType, const QString &command, QString *error)
{
    auto refuse = [error](const QString &sentence) {
        *error = sentence;
        return std::nullopt;
    };
    if (!knowsType(controlType))
        return refuse(tr("HomeWarden does not know the commands of a Loxone %1, so it sends it "
                         "none; use the Loxone app for it.")
                              .arg(controlType));
    const QList<Form> forms = formsOf(controlType);
    if (forms.isEmpty())
        return refuse(tr("A Loxone %1 takes no commands from HomeWarden; it can only be read.")
                              .arg(controlType));
    for (const Form &form : forms) {
        const QRegularExpressionMatch match = expressionOf(form).match(command);
        if (!match.hasMatch())
            continue;
        QList<double> values;
        for (qsizetype i = 0; i < form.arguments.size(); ++i) {
            const Argument &argument = form.arguments.at(i);
            const double value = match.captured(int(i) + 1).toDouble();
            if (argument.integer && value != double(qint64(value)))
                return refuse(tr("'%1' needs whole numbers: a Loxone %2 takes %3.")
                                      .arg(command, controlType, describe(form)));
            if (value < argument.minimum || value > argument.maximum)
                return refuse(tr("'%1' is out of range: a Loxone %2 takes %3.")
                                      .arg(command, controlType, describe(form)));
            values.append(value);
        }
        return withArguments(form, values);
    }
    return refuse(tr("'%1' is not a command a Loxone %2 takes; it takes: %3.")
                          .arg(command, controlType, describe(controlType)));
}

QString LoxoneCommandGrammar::describe(const QString &controlType)
{
    QStringList parts;
    const QList<Form> forms = formsOf(controlType);
    for (const Form &form : forms)
        parts.append(describe(form));
    return parts.join(QStringLiteral(", "));
}

QString LoxoneCommandGrammar::describe(const Form &form)
{
    QString text = form.pattern;
    for (qsizetype i = form.arguments.size(); i > 0; --i) {
        const Argument &argument = form.arguments.at(i - 1);
        text.replace(QLatin1Char('%') + QString::number(i),
                QStringLiteral("<%1–%2>").arg(
                        formatNumber(argument.minimum), formatNumber(argument.maximum)));
    }
    return text;
}
