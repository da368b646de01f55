"""One offer to check: where it is, its pay and what the employer adds, and what the check says.

The form reads what the person typed into an :class:`Offer`, asks the core's
:func:`check_offer` where it falls in the area's BLS pay for the occupation and beside the
profile's estimate there, and shows the answer with its sources. A bad entry gets one line.
"""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import money
from ptplanner.core.locations import LocationError
from ptplanner.core.messages import plain_message, sentence
from ptplanner.core.offer import Offer, OfferCheck, check_offer, parse_pay
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.accessibility import announce, name_with_value, set_value
from ptplanner.ui.tabs.salary.place_picker import place_picker, set_place

NOT_KNOWN = "not known"


def result_lines(check: OfferCheck) -> list[tuple[str, str]]:
    """What the check shows, as (what, figure) pairs, money in the check's year's dollars."""
    days = check.offer.paid_days_off
    return [
        ("Pay", f"{money(check.annual)} a year (${check.hourly:,.2f} an hour)"),
        ("Among BLS pay in the area", f"{check.position_text}"),
        (
            "Your profile's estimate there",
            f"{money(check.estimate_typical)} (likely "
            f"{money(check.estimate_low)} – {money(check.estimate_high)})",
        ),
        ("Offer's total compensation", money(check.offer_total)),
        ("Typical package for your profile", money(check.typical_total)),
        ("Paid days off", NOT_KNOWN if days is None else f"{days} (inside base pay, not added)"),
    ]


class OfferForm(QGroupBox):
    """An offer's entries, a Check button and the answer."""

    def __init__(
        self, title: str, inputs: SalaryInputs, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.inputs, self.year = inputs, year
        self.result: OfferCheck | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.place_box = place_picker(f"{title}: place")
        set_place(self.place_box, inputs.location)
        form.addRow("Place", self.place_box)
        self.pay_edit = QLineEdit()
        self.pay_edit.setPlaceholderText("e.g. 21.50/hour or 45,000/year")
        self.pay_edit.setAccessibleName(f"{title}: pay")
        form.addRow("Pay", self.pay_edit)
        # Each name holds the visible label's words: speech-input users say what they see.
        self.bonus_spin = self._percent(f"{title}: bonus (% of pay)")
        form.addRow("Bonus (% of pay)", self.bonus_spin)
        self.match_spin = self._percent(f"{title}: retirement match (% of pay)")
        form.addRow("Retirement match (% of pay)", self.match_spin)
        self.health_spin = QDoubleSpinBox()
        self.health_spin.setRange(0, 100_000)
        self.health_spin.setDecimals(0)
        self.health_spin.setSingleStep(500)
        self.health_spin.setPrefix("$")
        self.health_spin.setAccessibleName(f"{title}: health insurance paid ($ a year)")
        form.addRow("Health insurance paid ($ a year)", self.health_spin)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(-1, 366)
        self.days_spin.setValue(-1)
        self.days_spin.setSpecialValueText(NOT_KNOWN)
        self.days_spin.setAccessibleName(f"{title}: paid days off")
        form.addRow("Paid days off", self.days_spin)
        layout.addLayout(form)
        self.check_button = QPushButton(f"Check {title}")
        self.check_button.setAccessibleName(f"Check {title}")
        layout.addWidget(self.check_button)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b; font-weight: 600;")
        name_with_value(self.error_label, f"{title}: problem")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.answer = QFormLayout()
        self.answer_labels: dict[str, QLabel] = {}
        layout.addLayout(self.answer)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        name_with_value(self.note_label, f"{title}: note")
        layout.addWidget(self.note_label)
        self.sources_label = QLabel()
        self.sources_label.setWordWrap(True)
        self.sources_label.setProperty("role", "footnote")
        layout.addWidget(self.sources_label)
        layout.addStretch(1)
        self.check_button.clicked.connect(self.check)
        self.pay_edit.returnPressed.connect(self.check)

    @staticmethod
    def _percent(name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, 100)
        spin.setDecimals(1)
        spin.setSuffix(" %")
        spin.setAccessibleName(name)
        return spin

    def offer(self) -> Offer:
        """The offer as typed; ValueError (or ValidationError) saying what is wrong."""
        amount, per = parse_pay(self.pay_edit.text())
        days = self.days_spin.value()
        return Offer(
            amount=amount,
            per=per,
            bonus_pct=self.bonus_spin.value(),
            retirement_match_pct=self.match_spin.value(),
            health_usd=self.health_spin.value(),
            paid_days_off=None if days < 0 else days,
        )

    def check(self) -> None:
        try:
            offer = self.offer()
            place = self.place_box.currentText().strip()
            inputs = self.inputs.model_copy(update={"location": place})
            result = check_offer(offer, inputs, self.year)
        except ValidationError as error:
            self._fail(sentence(plain_message(error)))
            return
        except (ValueError, LocationError) as error:
            self._fail(str(error))
            return
        self.error_label.hide()
        self.result = result
        for what, figure in result_lines(result):
            label = self.answer_labels.get(what)
            if label is None:
                label = self.answer_labels[what] = QLabel()
                name_with_value(label, what)
                label.setWordWrap(True)
                self.answer.addRow(f"{what}:", label)
            set_value(label, figure)
        set_value(self.note_label, result.note)
        first = result_lines(result)[1]  # where the pay falls: the answer asked for
        announce(self, f"{self.title()}: {first[0]}: {first[1]}")
        self.sources_label.setText(
            f"In {result.year} dollars, for {result.area}. Sources: " + "; ".join(result.sources)
        )

    def _fail(self, message: str) -> None:
        self.result = None
        set_value(self.error_label, message)
        self.error_label.show()
        announce(self.error_label, self.error_label.accessibleName(), assertive=True)
