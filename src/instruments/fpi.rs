//! The FPI electron (DES) energy tables: 32 logarithmically spaced channels from about 11 eV
//! to 28 keV. Burst data alternate between two stepper tables (parity 0 and 1, offset by half
//! a channel); fast survey combines them, at the geometric mean of the two. Values, eV, as
//! the FPI team's stepper tables are distributed with SPEDAS (`mms_get_fpi_info`), which
//! notes they stand in for the CDFs' own energy variables (`mmsN_des_energy_{fast,brst}`)
//! when those are absent; Pollock et al. (2016), doi:10.1007/s11214-016-0245-4.

/// Burst table with stepper parity 0, eV.
pub const DES_ENERGIES_BURST_PARITY_0_EV: [f64; 32] = [
    10.95890411,
    14.05183351,
    18.01767978,
    23.10280608,
    29.6231066,
    37.98363029,
    48.70374296,
    62.44939098,
    80.07447059,
    102.673873,
    131.6515005,
    168.8074782,
    216.4499803,
    277.5386166,
    355.868287,
    456.3049253,
    585.0877766,
    750.2169874,
    961.9505835,
    1233.441712,
    1581.555729,
    2027.917899,
    2600.256777,
    3334.126748,
    4275.116699,
    5481.682063,
    7028.776138,
    9012.506277,
    11556.10419,
    14817.58126,
    18999.54437,
    24361.78212,
];

/// Burst table with stepper parity 1, eV.
pub const DES_ENERGIES_BURST_PARITY_1_EV: [f64; 32] = [
    12.40937936,
    15.91167611,
    20.4024254,
    26.16059799,
    33.54389854,
    43.01098657,
    55.14996905,
    70.71493421,
    90.67279651,
    116.2633624,
    149.0763489,
    191.1501382,
    245.0984049,
    314.2724806,
    402.9695424,
    516.6995589,
    662.5275761,
    849.5126066,
    1089.270386,
    1396.694958,
    1790.883908,
    2296.324729,
    2944.416016,
    3775.417982,
    4840.953473,
    6207.214841,
    7959.075893,
    10205.36435,
    13085.62237,
    16778.77506,
    21514.24552,
    27586.2069,
];

/// Fast-survey table (geometric mean of the two burst tables), eV.
pub const DES_ENERGIES_FAST_EV: [f64; 32] = [
    11.66161217,
    14.95286673,
    19.17301144,
    24.58420677,
    31.52260272,
    40.41922083,
    51.82672975,
    66.45377773,
    85.20901465,
    109.2575384,
    140.0932726,
    179.63177,
    230.3292099,
    295.3349785,
    378.6873127,
    485.5641602,
    622.6048397,
    798.322484,
    1023.632885,
    1312.532598,
    1682.968421,
    2157.952275,
    2766.99073,
    3547.917992,
    4549.246205,
    5833.179086,
    7479.476099,
    9590.4072,
    12297.10598,
    15767.71584,
    20217.83525,
    25923.91101,
];

/// The index of the channel of `table` nearest to `energy_ev` on a logarithmic scale (the
/// channels are log-spaced), or `None` for a non-positive or non-finite energy.
///
/// ```
/// use mmsbook::instruments::{DES_ENERGIES_FAST_EV, des_channel_nearest};
/// assert_eq!(des_channel_nearest(&DES_ENERGIES_FAST_EV, 85.0), Some(8));
/// assert_eq!(des_channel_nearest(&DES_ENERGIES_FAST_EV, -1.0), None);
/// ```
pub fn des_channel_nearest(table: &[f64; 32], energy_ev: f64) -> Option<usize> {
    if !(energy_ev.is_finite() && energy_ev > 0.0) {
        return None;
    }
    let distance = |e: f64| (e / energy_ev).ln().abs();
    (0..table.len()).min_by(|&a, &b| distance(table[a]).total_cmp(&distance(table[b])))
}
